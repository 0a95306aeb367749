package perceptron

import (
	"bytes"
	"testing"
)

// A perceptron learns a separable toy problem, averages, and survives a
// round trip through its file format unchanged.
func TestPerceptron(t *testing.T) {
	classes := []string{"NOUN", "VERB", "ADJ"}
	data := []struct {
		word  string
		class int
	}{{"dog", 0}, {"runs", 1}, {"red", 2}, {"cat", 0}, {"eats", 1}, {"big", 2}}
	p := New(classes)
	feats := func(w string) []uint64 {
		return []uint64{uint64(Template(0).Add(w)), uint64(Template(1).Add(w[len(w)-1:])), uint64(Template(2))}
	}
	scores := make([]float32, len(classes))
	for range 10 {
		for _, d := range data {
			f := feats(d.word)
			p.Scores(f, scores)
			p.Update(d.class, Best(scores, nil), f)
		}
	}
	p.Average()
	for _, d := range data {
		p.Scores(feats(d.word), scores)
		if got := Best(scores, nil); got != d.class {
			t.Errorf("%s: got %s, want %s", d.word, classes[got], classes[d.class])
		}
	}
	var buf bytes.Buffer
	if err := p.Write(&buf); err != nil {
		t.Fatal(err)
	}
	q, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if len(q.weights) != len(p.weights) || len(q.Classes) != 3 {
		t.Fatalf("round trip: %d features, want %d", len(q.weights), len(p.weights))
	}
	for f, row := range p.weights {
		for c, w := range row {
			if q.weights[f][c] != w {
				t.Fatalf("round trip: weight %x/%d = %v, want %v", f, c, q.weights[f][c], w)
			}
		}
	}
	for i := range buf.Len() {
		if _, err := Read(bytes.NewReader(buf.Bytes()[:i])); err == nil {
			t.Fatalf("a model truncated at %d bytes was read without error", i)
		}
	}
	if Best(scores, func(c int) bool { return c == 1 }) != 1 {
		t.Error("best ignores its allowed classes")
	}
	if Template(1).Add("ab").Add("c") == Template(1).Add("a").Add("bc") {
		t.Error("feature hashes do not separate their parts")
	}
}
