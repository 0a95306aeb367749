package text

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGUM measures the tokenizer and the splitter against the GUM treebank
// in ../shared, so that a change to the rules that costs accuracy shows up.
// UD splits hyphenated words ("high - level"), which this tokenizer keeps
// whole by design; that alone costs about one point of token recall.
func TestGUM(t *testing.T) {
	files, _ := filepath.Glob("../../shared/corpora/gum/*/*.conllu")
	if len(files) == 0 {
		t.Skip("no GUM treebank in ../../shared/corpora/gum")
	}
	var tok, sent prf
	for _, f := range files {
		doc := readGUM(t, f)
		for _, s := range doc.sents {
			gold, ok := s.spans()
			if !ok {
				continue
			}
			var got []span
			for _, tk := range Tokenize(s.text) {
				got = append(got, span{tk.Start, tk.End})
			}
			tok.add(gold, got)
		}
		var got []span
		for _, sp := range Sentences(doc.text) {
			got = append(got, span{sp.End, sp.End})
		}
		sent.add(doc.ends, got)
	}
	t.Logf("GUM tokens:    %s", &tok)
	t.Logf("GUM sentences: %s", &sent)
	if tok.f1() < 0.98 || sent.f1() < 0.95 {
		t.Errorf("below the floor of token F1 0.98, sentence F1 0.95")
	}
}

type span struct{ start, end int }

// prf counts matches of spans for precision, recall and F1.
type prf struct{ tp, fp, fn int }

func (m *prf) add(gold, got []span) {
	in := make(map[span]bool, len(gold))
	for _, g := range gold {
		in[g] = true
	}
	for _, g := range got {
		if in[g] {
			m.tp++
			delete(in, g)
		} else {
			m.fp++
		}
	}
	m.fn += len(in)
}

func (m *prf) f1() float64 { return 2 * float64(m.tp) / float64(2*m.tp+m.fp+m.fn) }

func (m *prf) String() string {
	p := float64(m.tp) / float64(m.tp+m.fp)
	r := float64(m.tp) / float64(m.tp+m.fn)
	return fmt.Sprintf("P %.4f R %.4f F1 %.4f (%d gold)", p, r, m.f1(), m.tp+m.fn)
}

// gumDoc is one CoNLL-U document: its sentences, and its text rebuilt with
// a space between sentences and a line break between paragraphs.
type gumDoc struct {
	sents []gumSent
	text  string
	ends  []span // sentence ends in text, as empty spans
}

type gumSent struct {
	text  string
	words []string // word forms; a multiword token's surface form if its parts don't spell it
}

// spans finds the gold words in the sentence text.
func (s gumSent) spans() ([]span, bool) {
	var out []span
	i := 0
	for _, w := range s.words {
		i += len(s.text[i:]) - len(strings.TrimLeft(s.text[i:], " "))
		if !strings.HasPrefix(s.text[i:], w) {
			return nil, false
		}
		out = append(out, span{i, i + len(w)})
		i += len(w)
	}
	return out, true
}

func readGUM(t *testing.T, path string) gumDoc {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var d gumDoc
	var b strings.Builder
	var surface string // the multiword token being read
	var parts []string
	var left int // its words still to read
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "# newpar" || strings.HasPrefix(line, "# newpar "):
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
		case strings.HasPrefix(line, "# text = "):
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
				b.WriteByte(' ')
			}
			b.WriteString(line[len("# text = "):])
			d.ends = append(d.ends, span{b.Len(), b.Len()})
			d.sents = append(d.sents, gumSent{text: line[len("# text = "):]})
		case line == "" || line[0] == '#':
		default:
			id, form, _ := strings.Cut(line, "\t")
			form, _, _ = strings.Cut(form, "\t")
			s := &d.sents[len(d.sents)-1]
			switch {
			case strings.Contains(id, "."): // empty node
			case strings.Contains(id, "-"):
				var first, last int
				fmt.Sscanf(id, "%d-%d", &first, &last)
				surface, parts, left = form, nil, last-first+1
			case left > 0:
				parts = append(parts, form)
				if left--; left == 0 {
					if strings.Join(parts, "") == surface {
						s.words = append(s.words, parts...)
					} else {
						s.words = append(s.words, surface)
					}
				}
			default:
				s.words = append(s.words, form)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	d.text = b.String()
	return d
}
