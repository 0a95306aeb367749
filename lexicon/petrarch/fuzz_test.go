package petrarch

import (
	"errors"
	"strings"
	"testing"

	"dyad/lexicon"
)

// FuzzConvert feeds arbitrary text to the line parsers of every source
// format. Whatever the input, a conversion must not panic, each skipped
// line must be a LineError naming a line of the input, and what is
// written must be well formed: patterns that lexicon.ParsePattern
// accepts, codes that lexicon.ParseCode accepts, the field counts of each
// table.
func FuzzConvert(f *testing.F) {
	f.Add(verbSrc)
	f.Add(actorSrc)
	f.Add("!PERSON! = MAN, WOMAN\nCONGRESS!PERSON! [~LEG]\nFARMER {} [~AGR]\n")
	f.Add("+WORLD CUP # x\nGROUP A_\n")
	f.Add("042: CONSULT, visit, # x\n1121: ACCUSE, allege, crime; corruption\n")
	f.Add("--- X [042:043] ---\n+GIVE_NOTICE {+GAVE_NOTICE}\n- * (IN ^) (WITH) [046:046]\n")
	f.Fuzz(func(t *testing.T, src string) {
		nlines := strings.Count(src, "\n") + 1
		check := func(err error) {
			var r Result
			r.add(err)
			for _, e := range r.Skipped {
				var le *LineError
				if !errors.As(e, &le) || le.Line < 1 || le.Line > nlines || le.Reason == "" {
					t.Fatalf("skipped line error %v does not name a line of the input", e)
				}
			}
		}
		syn, verbs, _, err := ConvertVerbs("f.txt", []byte(src))
		check(err)
		for _, line := range dataLines(syn) {
			if f := strings.Split(line, "\t"); len(f) != 2 || !strings.HasPrefix(f[0], "&") {
				t.Fatalf("synsets line %q", line)
			}
		}
		for _, line := range dataLines(verbs) {
			f := strings.Split(line, "\t")
			switch {
			case f[0] == "pattern" && len(f) == 3:
				if _, _, err := lexicon.ParsePattern(f[1]); err != nil {
					t.Fatalf("pattern line %q: %v", line, err)
				}
				if _, _, err := lexicon.ParseCode(f[2]); err != nil {
					t.Fatalf("pattern line %q: %v", line, err)
				}
			case f[0] == "block" && len(f) == 3, f[0] == "verb" && len(f) == 4:
				if strings.TrimSpace(f[1]) != f[1] || f[1] == "" {
					t.Fatalf("line %q: bad name", line)
				}
			default:
				t.Fatalf("verbs line %q", line)
			}
		}
		out, _, err := ConvertActors([]ActorFile{{"f.txt", []byte(src)}})
		check(err)
		for _, line := range dataLines(out) {
			f := strings.Split(line, "\t")
			if len(f) != 3 || f[0] == "" || strings.Contains(f[0], "  ") {
				t.Fatalf("actors line %q", line)
			}
		}
		for _, conv := range []func(string, []byte) ([]byte, int, error){ConvertAgents, ConvertDiscards, ConvertPLOVER} {
			out, n, err := conv("f.txt", []byte(src))
			check(err)
			if got := len(dataLines(out)); got != n {
				t.Fatalf("%d lines written, %d counted", got, n)
			}
		}
	})
}

// dataLines returns the lines of a converted file that are neither blank
// nor comments.
func dataLines(b []byte) []string {
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l != "" && l[0] != '#' {
			out = append(out, l)
		}
	}
	return out
}
