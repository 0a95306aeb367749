package perceptron

import (
	"bufio"
	"bytes"
	"math/rand/v2"
	"slices"
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
	if !slices.Equal(q.Classes, classes) {
		t.Fatalf("round trip: classes %v, want %v", q.Classes, classes)
	}
	var again bytes.Buffer
	if err := q.Write(&again); err != nil || !bytes.Equal(again.Bytes(), buf.Bytes()) {
		t.Fatalf("write, read, write changed the model (%v)", err)
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

// TestFrozen checks that the frozen table scores like the map of weights
// it was frozen from, before and after a write and read, with the weights
// in the table's slots (few classes) and in rows (many).
func TestFrozen(t *testing.T) {
	for _, classes := range []int{3, 40} {
		rng := rand.New(rand.NewPCG(3, uint64(classes)))
		weights := map[uint64][]float32{}
		var feats []uint64
		for range 4000 {
			f := rng.Uint64()
			row := make([]float32, classes)
			row[rng.IntN(classes)] = rng.Float32() - 0.5 // sparse, as trained
			row[rng.IntN(classes)] = rng.Float32() - 0.5
			weights[f] = row
			feats = append(feats, f)
		}
		m := &Model{Classes: make([]string, classes), frozen: freeze(classes, weights)}
		b, err := m.AppendWeights(nil)
		if err != nil {
			t.Fatal(err)
		}
		back, err := ReadWeights(bufio.NewReader(bytes.NewReader(b)), m.Classes)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ReadWeights(bufio.NewReader(bytes.NewReader(b)), m.Classes[1:]); err == nil {
			t.Error("weights read into a model with other classes")
		}
		want, got := make([]float32, classes), make([]float32, classes)
		for i := 0; i+100 <= len(feats); i += 100 {
			fs := append(slices.Clone(feats[i:i+100]), 12345) // and one unknown
			(&Model{weights: weights}).Scores(fs, want)
			for _, s := range []*Model{m, back} {
				s.Scores(fs, got)
				if !slices.Equal(got, want) {
					t.Fatalf("%d classes: table scores %v, map %v", classes, got, want)
				}
			}
		}
	}
}

// A one-class model learns to rank alternatives by their features.
func TestUpdateRank(t *testing.T) {
	feat := func(s string) []uint64 { return []uint64{uint64(Template(0).Add(s)), uint64(Template(1))} }
	// in each group the first alternative is the right one
	groups := [][]string{{"a", "b", "c"}, {"b", "c"}, {"a", "c"}}
	p := New([]string{"score"})
	var score [1]float32
	best := func(g []string) int {
		b, bs := 0, float32(0)
		for i, s := range g {
			p.Scores(feat(s), score[:])
			if i == 0 || score[0] > bs {
				b, bs = i, score[0]
			}
		}
		return b
	}
	for range 5 {
		for _, g := range groups {
			p.UpdateRank(feat(g[0]), feat(g[best(g)]))
		}
	}
	p.Average()
	for _, g := range groups {
		if b := best(g); b != 0 {
			t.Errorf("%v: ranked %q first, want %q", g, g[b], g[0])
		}
	}
}

// The mean of models scores as the mean of their scores, features that
// only some of them have included; models over other classes have none.
func TestMean(t *testing.T) {
	a := &Model{Classes: []string{"x", "y"}, frozen: freeze(2, map[uint64][]float32{10: {2, 0}, 20: {0, 4}})}
	b := &Model{Classes: []string{"x", "y"}, frozen: freeze(2, map[uint64][]float32{10: {4, -2}, 30: {0, 6}})}
	m, err := Mean(a, b)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		feats []uint64
		want  []float32
	}{
		{[]uint64{10}, []float32{3, -1}},
		{[]uint64{20}, []float32{0, 2}},
		{[]uint64{10, 30, 40}, []float32{3, 2}},
	} {
		got := make([]float32, 2)
		m.Scores(tc.feats, got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("scores of %v: %v, want %v", tc.feats, got, tc.want)
		}
	}
	if _, err := Mean(a, &Model{Classes: []string{"x", "z"}, frozen: a.frozen}); err == nil {
		t.Error("mean of models over other classes")
	}
	if _, err := Mean(a, New(a.Classes)); err == nil {
		t.Error("mean with a model still training")
	}
}
