// Package demo bundles dyad's demo corpus: twelve short wire-style news
// articles, three stories each told by four fictional outlets, written for
// dyad so that clustering and outlet comparison have something to show.
//
// Each file corpus/<story>-<outlet>.txt holds header lines (URL, Date,
// Outlet), a blank line, a title line and the body, one paragraph per line.
// The stories and outlets are fictional; the countries and international
// organisations are real. stories.json (embedded as StoriesJSON) records the
// differences planted between the outlets: conflicting and exclusive
// figures, full, partial and paraphrased quotes, actors only some outlets
// mention, name and country-name variants, and capital-city metonymy. Every
// text it cites occurs verbatim in the file it names.
package demo

import (
	"embed"
	"io/fs"
	"sort"
)

// Corpus holds the demo articles under corpus/.
//
//go:embed corpus/*.txt
var Corpus embed.FS

// StoriesJSON is the machine-readable record of the three stories and the
// differences planted between outlets (see README.md for the schema).
//
//go:embed stories.json
var StoriesJSON []byte

// Files returns the names of the corpus files (without the corpus/ prefix),
// sorted. Open them with Corpus.Open("corpus/" + name) or Read.
func Files() []string {
	entries, err := fs.ReadDir(Corpus, "corpus")
	if err != nil {
		// The directory is embedded at build time; this cannot fail.
		panic(err)
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if !e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}

// Read returns the contents of the corpus file name, as listed by Files.
func Read(name string) ([]byte, error) {
	return Corpus.ReadFile("corpus/" + name)
}

// Texts returns the contents of the corpus files, in the order of Files:
// seeds for fuzz tests and inputs for benchmarks.
func Texts() []string {
	var out []string
	for _, name := range Files() {
		b, err := Read(name)
		if err != nil {
			panic(err) // embedded at build time, as for Files
		}
		out = append(out, string(b))
	}
	return out
}
