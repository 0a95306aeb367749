package text

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"dyad/internal/perceptron"
	"dyad/treebank"
)

// Training follows Goldberg & Nivre (2013): a dynamic oracle gives the cost
// of every transition in any configuration, so the parser can be trained
// on the configurations it will actually meet, its own mistakes included.
const (
	parserIterations = 12 // on GUM dev, 12 passes score 0.3 UAS above 8 or 20
	// Features seen fewer times on the gold paths are dropped: they make
	// up most of the model but barely help (see frequentFeatures).
	parserMinCount = 3
	exploreFrom    = 1   // first pass (0-based) that follows the model's own choices
	exploreProb    = 0.9 // how often it does then
)

// parseGold is a training sentence: words, tags and a projective tree.
type parseGold struct {
	words, upos, xpos []string
	heads             []int // by token, 0 = root; heads[0] unused
	rels              []int
	gold              []int // for a tree parsed by a model, the gold heads
}

// TrainParser trains a parser on the trees of train; dev, if not empty, is
// only parsed at the end to report its attachment scores to opts.Log.
// The punctuation model (punct.go) learns from trees parsed by parsers
// trained on the other four fifths of train, which makes training take
// about five times as long.
// Sentences without trees are skipped; non-projective trees are made
// projective by lifting their crossing arcs (see projectivize), since
// arc-hybrid builds projective trees only.
//
// It trains on the gold tags of train: trained on the tags of taggers
// jackknifed over the folds of train, the parser scored no better with
// predicted tags on GUM dev and worse with gold ones (with the two-pass
// tagger's over five folds, UAS 82.28 against 83.06; gold or predicted
// tags at random for each sentence, 82.68; trained on gold tags, the
// parsers of seeds 1, 2 and 3 score 83.06, 81.98 and 82.71).
func TrainParser(train, dev []treebank.Sentence, opts perceptron.Options) (*Parser, error) {
	p, golds, err := trainTrees(train, opts)
	if err != nil {
		return nil, err
	}
	iters := parserIters(opts)
	folds := make([][]parseGold, punctFolds)
	for i, g := range golds {
		folds[i%punctFolds] = append(folds[i%punctFolds], g)
	}
	var held []parseGold
	for k := range folds {
		var rest []parseGold
		for j, f := range folds {
			if j != k {
				rest = append(rest, f...)
			}
		}
		fp := newParser(rest, p.relNames, p.root)
		fp.trainTransitions(rest, iters, perceptron.Options{Seed: opts.Seed})
		for _, g := range folds[k] {
			held = append(held, fp.heldOut(g))
		}
		logf(opts, "parser: fold %d of %d parsed for the punctuation model", k+1, punctFolds)
	}
	p.punct = trainPunct(held, punctIterations, rand.New(rand.NewPCG(uint64(opts.Seed), 0x9c7)))
	if len(dev) > 0 && opts.Log != nil {
		sc := p.Evaluate(dev, nil)
		logf(opts, "parser dev, gold tags: UAS %.2f%% LAS %.2f%% over %d words", sc.UAS(), sc.LAS(), sc.Words)
		sc = p.Evaluate(dev, DefaultTagger().Tag)
		logf(opts, "parser dev, tags of the embedded tagger: UAS %.2f%% LAS %.2f%%", sc.UAS(), sc.LAS())
	}
	return p, nil
}

// trainTrees trains the transition and relation models on the trees of
// train, which it returns converted: a parser that does not yet attach
// punctuation again (p.punct is nil).
func trainTrees(train []treebank.Sentence, opts perceptron.Options) (*Parser, []parseGold, error) {
	relIndex := map[string]int{}
	var relNames []string
	var golds []parseGold
	lifted := 0
	for _, sent := range train {
		g, ok := goldTree(sent, relIndex, &relNames)
		if !ok {
			continue
		}
		if projectivize(g.heads) {
			lifted++
		}
		golds = append(golds, g)
	}
	if len(golds) == 0 {
		return nil, nil, errors.New("parser: no trees to train on")
	}
	root, ok := relIndex["root"]
	if !ok {
		return nil, nil, errors.New("parser: no root relation in the training data")
	}
	logf(opts, "parser: %d sentences (%d made projective), %d relations", len(golds), lifted, len(relNames))
	p := newParser(golds, relNames, root)
	p.trainTransitions(golds, parserIters(opts), opts)
	return p, golds, nil
}

// parserIters is the number of training passes opts asks for.
func parserIters(opts perceptron.Options) int {
	if opts.Iterations > 0 {
		return opts.Iterations
	}
	return parserIterations
}

// newParser returns an untrained parser over relNames, allowing each
// relation in the directions it takes in golds.
func newParser(golds []parseGold, relNames []string, root int) *Parser {
	p := &Parser{
		trans:    perceptron.New(transNames),
		labels:   perceptron.New(relNames),
		relNames: relNames,
		leftOK:   make([]bool, len(relNames)),
		rightOK:  make([]bool, len(relNames)),
		root:     root,
	}
	for _, g := range golds {
		for d := 1; d < len(g.heads); d++ {
			if h := g.heads[d]; h == 0 {
				continue
			} else if d < h {
				p.leftOK[g.rels[d]] = true
			} else {
				p.rightOK[g.rels[d]] = true
			}
		}
	}
	return p
}

// trainTransitions trains the transition and relation models on golds.
func (p *Parser) trainTransitions(golds []parseGold, iters int, opts perceptron.Options) {
	keep := frequentFeatures(golds, parserMinCount)
	logf(opts, "parser: %d features", len(keep))
	rng := rand.New(rand.NewPCG(uint64(opts.Seed), 0x9a75e5))
	order := make([]int, len(golds))
	for i := range order {
		order[i] = i
	}
	s := new(parseState)
	for it := range iters {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var st trainStats
		for _, i := range order {
			p.trainSentence(s, &golds[i], keep, it >= exploreFrom, rng, &st)
		}
		logf(opts, "parser pass %d: transitions %.2f%%, arcs %.2f%% (%s)", it+1,
			pct(st.transOK, st.trans), pct(st.arcOK, st.arcs), time.Since(start).Round(time.Millisecond))
	}
	p.trans.Average()
	p.labels.Average()
}

// heldOut returns g with the tree p gives it in place of the gold one,
// the gold heads kept in g.gold.
func (p *Parser) heldOut(g parseGold) parseGold {
	s := new(parseState)
	s.reset(g.words, g.upos, g.xpos)
	p.parseTree(s)
	g.gold = g.heads
	g.heads, g.rels = slices.Clone(s.heads), slices.Clone(s.labels)
	return g
}

type trainStats struct{ trans, transOK, arcs, arcOK int }

func logf(opts perceptron.Options, format string, args ...any) {
	if opts.Log != nil {
		fmt.Fprintf(opts.Log, format+"\n", args...)
	}
}

func pct(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }

// goldTree converts a treebank sentence; ok is false when it has no
// complete tree.
func goldTree(sent treebank.Sentence, relIndex map[string]int, relNames *[]string) (parseGold, bool) {
	n := len(sent.Tokens)
	g := parseGold{
		words: make([]string, n), upos: make([]string, n), xpos: make([]string, n),
		heads: make([]int, n+1), rels: make([]int, n+1),
	}
	roots := 0
	for i, t := range sent.Tokens {
		if t.Head < 0 || t.Head > n || t.Head == i+1 || t.Deprel == "" {
			return g, false
		}
		if t.Head == 0 {
			roots++
		}
		g.words[i], g.upos[i], g.xpos[i] = t.Form, t.UPOS, t.XPOS
		r, ok := relIndex[t.Deprel]
		if !ok {
			r = len(*relNames)
			relIndex[t.Deprel] = r
			*relNames = append(*relNames, t.Deprel)
		}
		g.heads[i+1], g.rels[i+1] = t.Head, r
	}
	return g, n > 0 && roots == 1 && acyclic(g.heads)
}

func acyclic(heads []int) bool {
	for d := 1; d < len(heads); d++ {
		h := heads[d]
		for steps := 0; h != 0; steps++ {
			if steps >= len(heads) {
				return false
			}
			h = heads[h]
		}
	}
	return true
}

// projectivize lifts non-projective arcs until the tree is projective: the
// shortest crossing arc's dependent is reattached to its head's head, and
// so on (Nivre & Nilsson 2005, without encoding the lift in the label). It
// reports whether it changed anything. heads is indexed by token, 0 = root.
func projectivize(heads []int) bool {
	changed := false
	for {
		best, bestLen := -1, len(heads)+1
		for d := 1; d < len(heads); d++ {
			h := heads[d]
			if l := abs(h - d); l < bestLen && !projectiveArc(heads, h, d) {
				best, bestLen = d, l
			}
		}
		if best < 0 {
			return changed
		}
		heads[best] = heads[heads[best]]
		changed = true
	}
}

// projectiveArc reports whether h dominates every token between h and d.
func projectiveArc(heads []int, h, d int) bool {
	lo, hi := min(h, d), max(h, d)
	for k := lo + 1; k < hi; k++ {
		a := k
		for a != h && a != 0 {
			a = heads[a]
		}
		if a != h {
			return false
		}
	}
	return true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// trainSentence parses one sentence, updating the models wherever the
// model's transition costs more than the best one.
func (p *Parser) trainSentence(s *parseState, g *parseGold, keep map[uint64]bool, explore bool, rng *rand.Rand, st *trainStats) {
	unknown := func(f uint64) bool { return !keep[f] }
	s.reset(g.words, g.upos, g.xpos)
	var costs [nTrans]int
	for !s.terminal() {
		s.scores = fill(s.scores, nTrans, 0)
		feats := s.transFeatures()
		p.trans.Scores(feats, s.scores)
		pred := perceptron.Best(s.scores, s.legal)
		minCost := -1
		for t := range nTrans {
			costs[t] = -1
			if s.legal(t) {
				costs[t] = s.cost(t, g.heads)
				if minCost < 0 || costs[t] < minCost {
					minCost = costs[t]
				}
			}
		}
		gold := perceptron.Best(s.scores, func(t int) bool { return costs[t] == minCost })
		p.trans.Update(gold, pred, slices.DeleteFunc(feats, unknown))
		st.trans++
		if costs[pred] == minCost {
			st.transOK++
		}
		t := gold
		if explore && rng.Float64() < exploreProb {
			t = pred
		}
		label := 0
		if t != shift {
			h, d := s.arc(t)
			label = p.label(s, t)
			if h != 0 && g.heads[d] == h {
				p.labels.Update(g.rels[d], label, slices.DeleteFunc(s.feats, unknown)) // s.feats: the label features
				st.arcs++
				if label == g.rels[d] {
					st.arcOK++
				}
			}
		}
		s.apply(t, label)
	}
}

// frequentFeatures returns the transition and label features seen at least
// min times along the gold transitions of golds.
func frequentFeatures(golds []parseGold, min int) map[uint64]bool {
	count := map[uint64]int32{}
	s := new(parseState)
	for _, g := range golds {
		s.reset(g.words, g.upos, g.xpos)
		for !s.terminal() {
			for _, f := range s.transFeatures() {
				count[f]++
			}
			t := s.zeroCost(g.heads)
			label := 0
			if t != shift {
				h, d := s.arc(t)
				label = g.rels[d]
				for _, f := range s.labelFeatures(h, d) {
					count[f]++
				}
			}
			s.apply(t, label)
		}
	}
	keep := map[uint64]bool{}
	for f, n := range count {
		if n >= int32(min) {
			keep[f] = true
		}
	}
	return keep
}

// zeroCost returns the first legal transition of least cost: the static
// oracle, which for a projective tree yields exactly that tree.
func (s *parseState) zeroCost(gold []int) int {
	best, bestCost := -1, 0
	for t := range nTrans {
		if !s.legal(t) {
			continue
		}
		if c := s.cost(t, gold); best < 0 || c < bestCost {
			best, bestCost = t, c
		}
	}
	return best
}

// cost is the number of gold arcs that transition t makes unreachable
// (Goldberg & Nivre 2013, arc-hybrid); exact for projective gold trees.
func (s *parseState) cost(t int, gold []int) int {
	c := 0
	switch t {
	case shift:
		// b0 can no longer take its head from below s0 nor its dependents
		// from the stack
		b := s.b
		for i, k := range s.stack {
			if i < len(s.stack)-1 && gold[b] == k {
				c++
			}
			if k != 0 && gold[k] == b {
				c++
			}
		}
	case left, right:
		d := s.stack[len(s.stack)-1]
		// s0's dependents still in the buffer are lost
		for k := s.b; k <= s.n; k++ {
			if gold[k] == d {
				c++
			}
		}
		h := gold[d]
		if t == left {
			// s0's head may have been s1 or later in the buffer
			if h != s.b && (len(s.stack) > 1 && h == s.stack[len(s.stack)-2] || h > s.b) {
				c++
			}
		} else if h >= s.b { // its head was in the buffer
			c++
		}
	}
	return c
}

// ParseScore counts attachment agreement with gold trees.
type ParseScore struct {
	Words, Heads, Labels int // words scored; with the right head; and the right universal relation too
}

func (sc ParseScore) UAS() float64 { return pct(sc.Heads, sc.Words) }
func (sc ParseScore) LAS() float64 { return pct(sc.Labels, sc.Words) }

// Evaluate parses the sentences of gold with their gold tags, or with the
// tags returned by tag when it is not nil, and scores the trees; every word
// counts, punctuation included, as in the CoNLL 2018 shared task.
func (p *Parser) Evaluate(gold []treebank.Sentence, tag func(words []string) (upos, xpos []string)) ParseScore {
	var sc ParseScore
	for _, sent := range gold {
		words := sent.Words()
		var upos, xpos []string
		if tag != nil {
			upos, xpos = tag(words)
		} else {
			upos, xpos = make([]string, len(words)), make([]string, len(words))
			for i, t := range sent.Tokens {
				upos[i], xpos[i] = t.UPOS, t.XPOS
			}
		}
		sc.add(p, sent, upos, xpos)
	}
	return sc
}

// add parses the words of sent with the tags given and counts its tree.
func (sc *ParseScore) add(p *Parser, sent treebank.Sentence, upos, xpos []string) {
	heads, rels := p.Parse(sent.Words(), upos, xpos)
	for i, t := range sent.Tokens {
		if t.Head < 0 {
			continue
		}
		sc.Words++
		if heads[i] == t.Head {
			sc.Heads++
			if universal(rels[i]) == universal(t.Deprel) {
				sc.Labels++
			}
		}
	}
}
