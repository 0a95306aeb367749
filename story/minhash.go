package story

import (
	"hash/fnv"
	"strings"
	"unicode"
)

// Near-duplicates are found with MinHash over word shingles and located with
// LSH banding (Broder 1997; Leskovec, Rajaraman and Ullman, Mining of
// Massive Datasets, ch. 3). A signature of Hashes minimum hashes estimates
// the Jaccard similarity of two shingle sets as the share of positions
// where they agree. Banding cuts it into Bands bands of Rows rows; two
// documents are candidates when any band is equal, which happens with
// probability 1-(1-J^Rows)^Bands: 0.9998 at J = 0.8 and 0.03 at J = 0.3.
// Candidates are then checked against DupThreshold on the estimate.
const (
	ShingleWords = 5  // words per shingle
	Hashes       = 64 // MinHash functions
	Bands        = 16 // LSH bands
	Rows         = Hashes / Bands
	DupThreshold = 0.8 // estimated Jaccard of 5-word shingles for a near-duplicate
)

// Signature is the MinHash signature of a text.
type Signature [Hashes]uint64

// seeds makes the Hashes hash functions from one: h_i(x) = mix(x ^ seed_i).
var seeds = func() (s [Hashes]uint64) {
	x := uint64(0x9e3779b97f4a7c15)
	for i := range s {
		x = mix(x + uint64(i))
		s[i] = x
	}
	return s
}()

// mix is splitmix64's finalizer: a cheap bijection that spreads bits.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// words splits text into lowercase words of letters and digits, so that
// markup, quotes and punctuation do not hide a copy.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Sign returns the MinHash signature of the ShingleWords-word shingles of
// text; a text shorter than a shingle is one shingle.
func Sign(text string) Signature {
	var sig Signature
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	w := words(text)
	n := max(len(w)-ShingleWords+1, 1)
	for i := 0; i < n; i++ {
		h := fnv.New64a()
		for _, s := range w[i:min(i+ShingleWords, len(w))] {
			h.Write([]byte(s))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		for j := range sig {
			if v := mix(x ^ seeds[j]); v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig
}

// Similarity estimates the Jaccard similarity of the shingle sets.
func (s *Signature) Similarity(t *Signature) float64 {
	same := 0
	for i := range s {
		if s[i] == t[i] {
			same++
		}
	}
	return float64(same) / Hashes
}

// band returns the bucket key of band b.
func (s *Signature) band(b int) uint64 {
	k := uint64(b)
	for _, v := range s[b*Rows : (b+1)*Rows] {
		k = mix(k ^ v)
	}
	return k
}

// Index finds near-duplicates among the signatures added to it. Finding
// costs the size of the buckets touched, not of the index.
type Index struct {
	buckets map[uint64][]string
	sigs    map[string]*Signature
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{buckets: map[uint64][]string{}, sigs: map[string]*Signature{}}
}

// Add indexes sig under id.
func (x *Index) Add(id string, sig Signature) {
	if _, ok := x.sigs[id]; ok {
		return
	}
	x.sigs[id] = &sig
	for b := range Bands {
		k := sig.band(b)
		x.buckets[k] = append(x.buckets[k], id)
	}
}

// Remove forgets id.
func (x *Index) Remove(id string) {
	sig, ok := x.sigs[id]
	if !ok {
		return
	}
	delete(x.sigs, id)
	for b := range Bands {
		k := sig.band(b)
		ids := x.buckets[k]
		for i, v := range ids {
			if v == id {
				ids = append(ids[:i], ids[i+1:]...)
				break
			}
		}
		if len(ids) == 0 {
			delete(x.buckets, k)
		} else {
			x.buckets[k] = ids
		}
	}
}

// Len is the number of signatures indexed.
func (x *Index) Len() int { return len(x.sigs) }

// Match returns the indexed id most similar to sig with an estimated
// Jaccard similarity of at least DupThreshold, or "" if there is none.
// Ties go to the smaller id, so the answer does not depend on map order.
func (x *Index) Match(sig *Signature) (string, float64) {
	best, bestSim := "", 0.0
	for b := range Bands {
		for _, id := range x.buckets[sig.band(b)] {
			s := x.sigs[id].Similarity(sig)
			if s >= DupThreshold && (s > bestSim || s == bestSim && id < best) {
				best, bestSim = id, s
			}
		}
	}
	return best, bestSim
}
