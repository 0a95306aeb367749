// Package petrarch converts the PETRARCH-2/Phoenix dictionaries (Open
// Event Data Alliance, MIT licence) and the CAMEO→PLOVER table into the
// readable tables that package lexicon embeds: verbs.tsv and synsets.tsv
// from CAMEO.2.0.txt, actors.tsv from the Phoenix actor files,
// agents-phoenix.tsv from Phoenix.agents.txt, discards.tsv from
// Phoenix.discards.txt and plover.tsv from CAMEO2PLOVER-2021.txt.
//
// A line that does not convert is skipped with a LineError naming the file,
// the line and the reason; the rest of the file converts. The output is a
// pure function of the input, so re-running the import reproduces the
// committed files byte for byte.
package petrarch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// LineError is a source line that was skipped.
type LineError struct {
	File   string
	Line   int
	Reason string
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Reason) }

// Output is one converted file.
type Output struct {
	Name    string // file name in the output directory: "verbs.tsv"
	Data    []byte
	Entries int // lines of data written
}

// Result is what a conversion produced and what it skipped.
type Result struct {
	Files   []Output
	Skipped []error // *LineError, in source order
}

// Sources are the PETRARCH-2 files Import reads, in the order it reads them.
var Sources = []string{
	"CAMEO.2.0.txt",
	"Phoenix.Countries.actors.txt",
	"Phoenix.International.actors.txt",
	"Phoenix.MilNonState.actors.txt",
	"Phoenix.agents.txt",
	"Phoenix.discards.txt",
}

// Import converts the PETRARCH-2 dictionaries in dir.
func Import(dir string) (*Result, error) {
	src := map[string][]byte{}
	for _, name := range Sources {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		src[name] = b
	}
	var res Result
	syn, verbs, n, err := ConvertVerbs("CAMEO.2.0.txt", src["CAMEO.2.0.txt"])
	res.add(err)
	res.Files = append(res.Files, Output{"synsets.tsv", syn, n[0]}, Output{"verbs.tsv", verbs, n[1]})
	var actors []ActorFile
	for _, name := range Sources[1:4] {
		actors = append(actors, ActorFile{name, src[name]})
	}
	out, entries, err := ConvertActors(actors)
	res.add(err)
	res.Files = append(res.Files, Output{"actors.tsv", out, entries})
	out, entries, err = ConvertAgents("Phoenix.agents.txt", src["Phoenix.agents.txt"])
	res.add(err)
	res.Files = append(res.Files, Output{"agents-phoenix.tsv", out, entries})
	out, entries, err = ConvertDiscards("Phoenix.discards.txt", src["Phoenix.discards.txt"])
	res.add(err)
	res.Files = append(res.Files, Output{"discards.tsv", out, entries})
	return &res, nil
}

// ImportPLOVER converts the CAMEO→PLOVER table at path.
func ImportPLOVER(path string) (*Result, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var res Result
	out, n, err := ConvertPLOVER(filepath.Base(path), b)
	res.add(err)
	res.Files = append(res.Files, Output{"plover.tsv", out, n})
	return &res, nil
}

// Write writes every output file into dir.
func (r *Result) Write(dir string) error {
	for _, f := range r.Files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// add records the line errors in err, which errors.Join may have nested.
func (r *Result) add(err error) {
	if err == nil {
		return
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			r.add(e)
		}
		return
	}
	r.Skipped = append(r.Skipped, err)
}

// lines calls fn for each line of src with its comment removed (from
// the first of the comment characters in cut) and surrounding space
// trimmed, skipping blank lines; errors fn returns are collected as
// LineErrors and joined.
func lines(file string, src []byte, cut string, fn func(n int, raw, line string) error) error {
	var errs []error
	for i, raw := range strings.Split(string(src), "\n") {
		raw = strings.TrimRight(raw, "\r")
		line := raw
		if j := strings.IndexAny(line, cut); j >= 0 {
			line = line[:j]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if err := fn(i+1, raw, line); err != nil {
			errs = append(errs, &LineError{file, i + 1, err.Error()})
		}
	}
	return errors.Join(errs...)
}

// header renders comment lines for the top of an output file.
func header(text string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimSpace(text), "\n") {
		b.WriteString(strings.TrimRight("# "+l, " "))
		b.WriteByte('\n')
	}
	return b.String()
}
