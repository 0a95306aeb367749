package story

import (
	"maps"
	"math"
	"slices"
)

// stopwords are function words, which say nothing about which story an
// article tells.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range words(`a about after again against all also an and any are as at be because been
		before being between both but by can could did do does doing down during each few for from
		further had has have having he her here hers herself him himself his how i if in into is it its
		itself just me more most my no nor not now of off on once only or other our ours out over own
		said same says she should so some such than that the their theirs them themselves then there
		these they this those through to too under until up very was we were what when where which
		while who whom why will with would you your s t would new one two also told year years`) {
		m[w] = true
	}
	return m
}()

// termCounts counts the content words of text.
func termCounts(text string) map[string]int {
	tc := map[string]int{}
	for _, w := range words(text) {
		if len(w) > 1 && !stopwords[w] {
			tc[w]++
		}
	}
	return tc
}

// vector is a sparse term-weight vector.
type vector map[string]float64

// dot iterates over the smaller vector.
func (v vector) dot(u vector) float64 {
	if len(v) > len(u) {
		v, u = u, v
	}
	s := 0.0
	for t, x := range v {
		s += x * u[t]
	}
	return s
}

// normalize scales v to unit length.
func (v vector) normalize() vector {
	n := math.Sqrt(v.dot(v))
	if n > 0 {
		for t := range v {
			v[t] /= n
		}
	}
	return v
}

// termWeight is one term of a sparse vector over the clusterer's
// vocabulary; integer IDs make the dot products cheap.
type termWeight struct {
	id uint32
	w  float64
}

// set is a crisp set of strings (outlets, words, qualifiers).
type set map[string]bool

// weighted is an article's features (actor IDs, event signatures, ...),
// sorted so that sums over them do not depend on map order, each weighed
// in (0, 1]: 1 for a feature it merely has, less for one it names less
// often than its most named.
type weighted []feature

type feature struct {
	key string
	w   float64
}

// newWeighted sorts m's features.
func newWeighted(m map[string]float64) weighted {
	f := make(weighted, 0, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		f = append(f, feature{k, m[k]})
	}
	return f
}

// bag sums, for a story, its articles' weights of each feature.
type bag struct {
	n     map[string]float64
	total float64 // sum of n
}

func (b *bag) add(f weighted) {
	if b.n == nil {
		b.n = map[string]float64{}
	}
	for _, x := range f {
		b.n[x.key] += x.w
		b.total += x.w
	}
}

// fuzzyJaccard is the Jaccard similarity of an article's features and a
// story's bag read as fuzzy sets: each feature belongs to the story by its
// mean weight over the story's n articles. Σmin / Σmax, costing the
// article's features.
func fuzzyJaccard(f weighted, b *bag, n int) float64 {
	if n == 0 {
		return 0
	}
	lo, hi, in := 0.0, 0.0, 0.0
	for _, x := range f {
		y := b.n[x.key]
		in += y
		y /= float64(n)
		lo += min(x.w, y)
		hi += max(x.w, y)
	}
	hi += (b.total - in) / float64(n)
	if hi == 0 {
		return 0
	}
	return lo / hi
}
