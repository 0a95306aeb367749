package text

import (
	"math/rand/v2"
	"slices"

	"dyad/internal/perceptron"
)

// Punctuation is the parser's largest class of errors: the transition
// model sees a comma or a bracket only through a window of words, while
// its head in UD is the head of the phrase or clause it delimits. So,
// once the tree is built, each punctuation mark is attached again, left
// to right, by a model that ranks the heads it can take without crossing
// an arc with features of the whole tree: each candidate's relation and
// its head's tag, whether its phrase goes on past the mark, the marks it
// already has ("(" for ")").

var valPunct = hashString("PUNCT")

func (s *parseState) isPunct(i int) bool { return i > 0 && s.u[i+1] == valPunct }

// markLeaves sets s.leaf: the marks without dependents.
func (s *parseState) markLeaves() {
	s.leaf = fill(s.leaf, s.n+1, false)
	for d := 1; d <= s.n; d++ {
		s.leaf[d] = s.isPunct(d)
	}
	for d := 1; d <= s.n; d++ {
		if h := s.heads[d]; h > 0 {
			s.leaf[h] = false
		}
	}
}

// reattachable reports whether d is a mark that may move: one with
// dependents, or the root, stays.
func (s *parseState) reattachable(d int) bool { return s.leaf[d] && s.heads[d] > 0 }

// floating reports whether k is a mark after d, ignored while d moves.
func (s *parseState) floating(k, d int) bool { return k > d && s.leaf[k] }

// punctHeads returns the heads punctuation mark d can take without an arc
// crossing another (marks right of d are ignored: they move after it):
// the word before d and its ancestors left of d, and the first word after
// d that is not a mark and its ancestors right of d. A mark is no head.
// side[i] is 0 for a candidate left of d, 1 right of it; rank[i] counts
// the candidates between it and d on that side.
func (s *parseState) punctHeads(d int) (cands, side, rank []int) {
	cands, side, rank = s.cands[:0], s.side[:0], s.rank[:0]
	add := func(h, sd, r int) int {
		if s.isPunct(h) || s.crosses(h, d) {
			return r
		}
		cands, side, rank = append(cands, h), append(side, sd), append(rank, r)
		return r + 1
	}
	r := 0
	for a := d - 1; a > 0 && a < d; a = s.heads[a] {
		r = add(a, 0, r)
	}
	b := d + 1
	for b <= s.n && s.floating(b, d) {
		b++
	}
	r = 0
	for a := b; a > d && a <= s.n; a = s.heads[a] {
		r = add(a, 1, r)
	}
	s.cands, s.side, s.rank = cands, side, rank
	return cands, side, rank
}

// crosses reports whether an arc between h and d would cross an arc of the
// tree other than d's own and those of marks right of d.
func (s *parseState) crosses(h, d int) bool {
	lo, hi := min(h, d), max(h, d)
	inside := func(k int) bool { return lo < k && k < hi }
	for k := 1; k <= s.n; k++ {
		if k == d || s.floating(k, d) {
			continue
		}
		g := s.heads[k]
		if inside(k) && !inside(g) && g != lo && g != hi || inside(g) && !inside(k) && k != lo && k != hi {
			return true
		}
	}
	return false
}

// punctFeatures describe attaching mark d to candidate h, the rank-th
// nearest on its side.
func (s *parseState) punctFeatures(fs []uint64, h, d, side, rank int) []uint64 {
	w := func(i int) uint64 { return s.w[i+1] }
	p := func(i int) uint64 { return s.p[i+1] }
	u := func(i int) uint64 { return s.u[i+1] }
	lab := func(i int) uint64 {
		if i <= 0 {
			return valRoot
		}
		if i > s.n {
			return valNone
		}
		return s.lab(i)
	}
	pw := w(d)
	sr := uint64(side*8 + min(rank, 4))
	// h's relations on d's side; whether its phrase goes on past d; the
	// marks between them
	var rels uint64
	past := uint64(2)
	marks := 0
	for k := 1; k <= s.n; k++ {
		if s.heads[k] == h && k != d && !s.floating(k, d) {
			if (k < h) == (d < h) {
				rels |= 1 << (uint(s.labels[k]) & 63)
			}
			if (k < d) != (h < d) {
				past = 3
			}
		}
		if min(h, d) < k && k < max(h, d) && s.isPunct(k) {
			marks++
		}
	}
	// the mark h already has nearest before d
	prev := uint64(valNone)
	for k := d - 1; k > 0; k-- {
		if s.heads[k] == h && s.isPunct(k) {
			prev = w(k)
			break
		}
	}
	// the first word after d that is no mark
	b := d + 1
	for b <= s.n && s.isPunct(b) {
		b++
	}
	if b > s.n {
		b = -1
	}
	last := uint64(4)
	if b < 0 {
		last = 5
	}
	hh := s.heads[h]
	var orig uint64 = 8 // the parser's head, which saw the words around
	if h == s.heads[d] {
		orig = 9
	}
	var t uint64
	add2 := func(a, b uint64) { t++; fs = append(fs, f2(t, a, b)) }
	add3 := func(a, b, c uint64) { t++; fs = append(fs, f3(t, a, b, c)) }

	add2(pw, sr)
	add3(pw, rels, uint64(side))
	add3(pw^lab(h), uint64(min(marks, 3)), sr)
	add3(pw, sr, orig)
	add3(pw^orig, lab(h), uint64(side))
	add3(pw^orig, p(h), past)
	add3(pw, sr, p(h))
	add3(pw, sr, lab(h))
	add3(pw, sr, past)
	add3(pw, sr^past<<8, lab(h))
	add3(pw, sr^last<<8, lab(h))
	add3(pw, uint64(side), u(h))
	add3(pw, uint64(side), w(h))
	add3(pw, lab(h), p(hh))
	add3(pw^lab(h), lab(hh), uint64(side))
	add3(pw, uint64(side), dist(h, d))
	add3(pw, prev, uint64(side))
	add3(pw^prev, lab(h), uint64(side))
	add3(pw^p(h), p(d-1), uint64(side))
	add3(pw^p(h), p(d+1), uint64(side))
	add3(pw^lab(h), lab(d+1), sr)
	add3(pw^lab(h), lab(d-1), sr)
	if b >= 0 {
		add3(pw^lab(h), lab(b), sr)
		var isHead uint64 = 6
		if s.heads[b] == h {
			isHead = 7
		}
		add3(pw^lab(b), isHead, uint64(side))
		add3(pw^p(b), isHead^past<<8, lab(h))
	}
	return fs
}

// bestPunctHead returns the best-scoring candidate head of mark d, or -1
// when there is none.
func (s *parseState) bestPunctHead(m *perceptron.Model, d int) int {
	cands, side, rank := s.punctHeads(d)
	best, bestScore := -1, float32(0)
	var score [1]float32
	for i, h := range cands {
		s.pfeats = s.punctFeatures(s.pfeats[:0], h, d, side[i], rank[i])
		m.Scores(s.pfeats, score[:])
		if best < 0 || score[0] > bestScore {
			best, bestScore = i, score[0]
		}
	}
	if best < 0 {
		return -1
	}
	return cands[best]
}

// attachPunct attaches each punctuation mark of a parsed sentence again.
func (p *Parser) attachPunct(s *parseState) {
	s.markLeaves()
	for d := 1; d <= s.n; d++ {
		if s.reattachable(d) {
			if h := s.bestPunctHead(p.punct, d); h >= 0 {
				s.heads[d] = h
			}
		}
	}
}

const (
	punctIterations = 10
	punctFolds      = 5 // parsers trained on all but a fifth parse that fifth
)

var punctClasses = []string{"head"}

// trainPunct trains the punctuation model on trees parsed by parsers that
// had not seen them (golds' heads and rels; their gold heads in gold):
// trained on gold trees, it learns to trust a tree more than a parsed one
// deserves, and attached 24 more marks wrongly than the parser on GUM dev.
func trainPunct(golds []parseGold, iters int, rng *rand.Rand) *perceptron.Model {
	m := perceptron.New(punctClasses)
	order := make([]int, len(golds))
	for i := range order {
		order[i] = i
	}
	s := new(parseState)
	var truth []uint64
	for range iters {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			g := &golds[i]
			s.reset(g.words, g.upos, g.xpos)
			copy(s.heads[1:], g.heads[1:])
			copy(s.labels[1:], g.rels[1:])
			s.markLeaves()
			for d := 1; d <= s.n; d++ {
				if !s.reattachable(d) {
					continue
				}
				guess := s.bestPunctHead(m, d)
				gold := g.gold[d]
				if guess < 0 || guess == gold {
					m.UpdateRank(nil, nil)
					continue
				}
				i := slices.Index(s.cands, gold)
				if i < 0 {
					continue // the gold head crosses an arc
				}
				truth = s.punctFeatures(truth[:0], gold, d, s.side[i], s.rank[i])
				gi := slices.Index(s.cands, guess)
				s.pfeats = s.punctFeatures(s.pfeats[:0], guess, d, s.side[gi], s.rank[gi])
				m.UpdateRank(truth, s.pfeats)
			}
		}
	}
	m.Average()
	return m
}
