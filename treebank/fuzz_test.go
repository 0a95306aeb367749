package treebank

import (
	"io"
	"strings"
	"testing"
)

// fuzz checks that read never panics, fails with one-line errors and
// returns well-formed sentences.
func fuzz(f *testing.F, read func(io.Reader, string) ([]Sentence, error), seeds ...string) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		ss, err := read(strings.NewReader(in), "f")
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("multi-line error %q", err)
			}
			return
		}
		for _, s := range ss {
			if len(s.Tokens) == 0 {
				t.Fatalf("%s: empty sentence", s.ID)
			}
			for _, e := range s.Entities {
				if e.Start < 0 || e.Start >= e.End || e.End > len(s.Tokens) {
					t.Fatalf("%s: entity %+v outside %d tokens", s.ID, e, len(s.Tokens))
				}
			}
			for _, tk := range s.Tokens {
				if tk.Head < -1 || tk.Head > len(s.Tokens) {
					t.Fatalf("%s: head %d", s.ID, tk.Head)
				}
			}
		}
	})
}

func FuzzCoNLLU(f *testing.F) {
	fuzz(f, ReadCoNLLU,
		gumHeader+row("1", "the", "DET", "DT", "2", "det", "Entity=(1-person-new-nnnnn-cf1-2-coref(2-organization-new-nnnnn-cf2-2-coref-Bank")+
			row("2", "Bank", "PROPN", "NNP", "0", "root", "Entity=2)1)"),
		"# text = a\n1-2\tab\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"+row("1", "a", "_", "_", "0", "_", "_")+row("2", "b", "_", "_", "1", "_", "_")+row("2.1", "c", "_", "_", "_", "_", "_"),
	)
}

func FuzzIOB2(f *testing.F) {
	fuzz(f, ReadIOB2,
		"# sent_id = a\n1\tNew\tB-LOC\t-\n2\tYork\tI-LOC\t-\n\n1\tx\tI-PER\n",
		"1\tx\tO\n2\ty\tB-ORG\n",
	)
}
