package story

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// randomText returns n words drawn from a vocabulary large enough that two
// texts share few 5-word shingles by chance.
func randomText(r *rand.Rand, n int) []string {
	w := make([]string, n)
	for i := range w {
		w[i] = fmt.Sprintf("w%d", r.IntN(5000))
	}
	return w
}

func TestSimilarityEstimatesJaccard(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	base := randomText(r, 400)
	tests := []struct {
		name    string
		edit    func([]string) []string
		lo, hi  float64
		isMatch bool
	}{
		{"identical", func(w []string) []string { return w }, 1, 1, true},
		{"punctuation and case only", func(w []string) []string {
			out := append([]string{}, w...)
			out[0] = strings.ToUpper(out[0]) + ","
			return out
		}, 1, 1, true},
		{"a paragraph appended", func(w []string) []string { return append(append([]string{}, w...), randomText(r, 40)...) }, 0.8, 1, true},
		{"half rewritten", func(w []string) []string { return append(append([]string{}, w[:200]...), randomText(r, 200)...) }, 0.2, 0.5, false},
		{"unrelated", func([]string) []string { return randomText(r, 400) }, 0, 0.1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := Sign(strings.Join(base, " ")), Sign(strings.Join(tt.edit(base), " "))
			if s := a.Similarity(&b); s < tt.lo || s > tt.hi {
				t.Errorf("similarity %.2f, want %.2f-%.2f", s, tt.lo, tt.hi)
			}
			x := NewIndex()
			x.Add("a", a)
			if id, _ := x.Match(&b); (id == "a") != tt.isMatch {
				t.Errorf("Match = %q, want match %v", id, tt.isMatch)
			}
		})
	}
}

func TestIndexRemove(t *testing.T) {
	sig := Sign("the same short text is indexed under two names here")
	x := NewIndex()
	x.Add("b", sig)
	x.Add("a", sig)
	if id, _ := x.Match(&sig); id != "a" {
		t.Errorf("Match = %q, want the smaller id a on a tie", id)
	}
	x.Remove("a")
	if id, _ := x.Match(&sig); id != "b" {
		t.Errorf("after Remove(a): Match = %q, want b", id)
	}
	x.Remove("b")
	if x.Len() != 0 || len(x.buckets) != 0 {
		t.Errorf("after removing all: %d signatures, %d buckets", x.Len(), len(x.buckets))
	}
}
