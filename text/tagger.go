package text

import (
	"bufio"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"

	"dyad/internal/perceptron"
	"dyad/treebank"
)

// Tagger is a part-of-speech tagger: a greedy left-to-right averaged
// perceptron (Collins 2002) with the features of Honnibal's "A good
// part-of-speech tagger in about 200 lines of Python", plus word shape,
// run twice: the second pass also sees the first pass's tags of the words
// after each ("Prisoners" before a verb is a noun), and is trained on the
// tags of first passes that had not seen the sentence (+0.3 UPOS and +0.15
// XPOS on GUM dev, seeds 1 to 3).
//
// Each class is a joint "UPOS XPOS" pair, so one decision gives both tags
// and they never contradict each other ("IN" is ADP or SCONJ, "VBZ" is VERB
// or AUX). On GUM dev the joint model's UPOS is as good as that of a
// UPOS-only model (95.8% against 95.7%), so a pass for XPOS alone would
// only cost time.
type Tagger struct {
	model      *perceptron.Model // the first pass
	second     *perceptron.Model // the second pass; nil while the first trains
	upos, xpos []string          // of each class
	// dict holds the class of frequent words that nearly always have it
	// ("the", ",", "of"): about 400 words, 40% of running text, that
	// need no scoring.
	dict    map[string]int
	classes map[string]int // the index of each class "UPOS XPOS"
	pool    sync.Pool
}

// tagScratch is the per-call working memory of TagInto.
type tagScratch struct {
	feats  []uint64
	scores []float32
	class  []int  // predicted class of each word so far
	first  []int  // the first pass's classes, for the second
	sure   []bool // the first pass's classes the second keeps
}

const (
	// taggerIterations is the default number of training passes; dev
	// accuracy levels off after about this many.
	taggerIterations = 8
	// minClassCount drops "UPOS XPOS" pairs rarer than this in the training
	// data (annotation noise such as "SYM ,"); their tokens train towards
	// the most frequent pair with the same XPOS. On GUM train and EWT dev
	// it cuts the classes from 98 to 66, and the cost of scoring with them.
	minClassCount = 10
	// A word goes in the tag dictionary when it occurs at least dictMinCount
	// times in the training data, with one class at least dictMinShare of
	// the time.
	dictMinCount = 20
	dictMinShare = 0.97
	// minFeatCount drops features seen fewer times than this in the
	// training data (with gold history): they are mostly noise, and
	// dropping them shrinks the model and speeds up scoring.
	minFeatCount = 2
	nTaggerFeats = 28
)

// Tag returns the UPOS and XPOS tags of words. It is safe for concurrent
// use.
func (t *Tagger) Tag(words []string) (upos, xpos []string) {
	upos, xpos = make([]string, len(words)), make([]string, len(words))
	t.TagInto(words, upos, xpos)
	return upos, xpos
}

// TagInto writes the tags of words into upos and xpos, which must be at
// least as long as words. It is safe for concurrent use: its scratch memory
// comes from a pool, so once warm it allocates nothing.
func (t *Tagger) TagInto(words []string, upos, xpos []string) {
	t.TagFixed(words, nil, upos, xpos)
}

// TagFixed is TagInto with some tags known beforehand: word i gets the
// tags fixed[i] when that is a class of the model ("PROPN NNP"), and the
// words after it are tagged knowing them. A caller with a gazetteer uses
// it for names the model has never seen: a sentence-initial "Denmark"
// otherwise looks like an imperative verb. fixed may be nil or shorter
// than words; a class the model lacks is ignored.
func (t *Tagger) TagFixed(words, fixed []string, upos, xpos []string) {
	sc := t.pool.Get().(*tagScratch)
	t.tag(sc, words, fixed)
	for i, c := range sc.class[:len(words)] {
		upos[i], xpos[i] = t.upos[c], t.xpos[c]
	}
	t.pool.Put(sc)
}

// tag predicts the class of each word into sc.class.
func (t *Tagger) tag(sc *tagScratch, words, fixed []string) {
	t.pass(sc, t.model, words, fixed, nil)
	if t.second != nil {
		sc.first = append(sc.first[:0], sc.class...)
		t.pass(sc, t.second, words, fixed, sc.first)
	}
}

// pass tags words left to right with m into sc.class; first, if not nil,
// holds the classes of a first pass.
func (t *Tagger) pass(sc *tagScratch, m *perceptron.Model, words, fixed []string, first []int) {
	sc.class = slices.Grow(sc.class[:0], len(words))[:len(words)]
	if first == nil {
		sc.sure = slices.Grow(sc.sure[:0], len(words))[:len(words)]
		clear(sc.sure)
	}
	for i, w := range words {
		if i < len(fixed) && fixed[i] != "" {
			if c, ok := t.classes[fixed[i]]; ok {
				sc.class[i] = c
				continue
			}
		}
		if c, ok := t.dict[w]; ok {
			sc.class[i] = c
			continue
		}
		if first != nil && sc.sure[i] {
			continue // the first pass's class, still in sc.class, stands
		}
		sc.feats = t.features(sc.feats[:0], words, sc.class, first, i)
		m.Scores(sc.feats, sc.scores)
		c := perceptron.Best(sc.scores, nil)
		sc.class[i] = c
		if first == nil {
			sc.sure[i] = sure(sc.scores, c)
		}
	}
}

// sureMargin is the lead over every other class with which the first
// pass's class stands without a second look: on GUM dev the second pass
// then scores 42% of the words it would, and the tags are as good (UPOS
// 96.11% against 96.12%, XPOS 95.88% against 95.87%). The scale is that
// of the averaged weights of taggerIterations passes.
const sureMargin = 20

// sure reports whether class c leads the others' scores by sureMargin.
func sure(scores []float32, c int) bool {
	for k, s := range scores {
		if k != c && scores[c]-s < sureMargin {
			return false
		}
	}
	return true
}

func (t *Tagger) newScratch() *tagScratch {
	return &tagScratch{
		feats:  make([]uint64, 0, nTaggerFeats),
		scores: make([]float32, len(t.model.Classes)),
		class:  make([]int, 0, 64),
	}
}

func newTagger(m *perceptron.Model, dict map[string]int) (*Tagger, error) {
	t := &Tagger{model: m, dict: dict, classes: map[string]int{}}
	for i, c := range m.Classes {
		t.classes[c] = i
		u, x, ok := strings.Cut(c, " ")
		if !ok {
			return nil, fmt.Errorf("tagger model: class %q is not \"UPOS XPOS\"", c)
		}
		t.upos, t.xpos = append(t.upos, u), append(t.xpos, x)
	}
	for w, c := range dict {
		if c < 0 || c >= len(m.Classes) {
			return nil, fmt.Errorf("tagger model: %q has no class %d", w, c)
		}
	}
	t.pool.New = func() any { return t.newScratch() }
	return t, nil
}

// features appends the features of words[i] to f, given the classes
// predicted for the words before it. The set is Honnibal's, pruned and
// extended by ablation on GUM dev: the tag two back alone, the words one
// and two back alone, the last letter, the first three letters and the
// previous tag with the next word each cost accuracy there (dropped
// together, +0.3 points UPOS); word bigrams, a 4-letter suffix and the next
// word's class in the tag dictionary gain it.
func (t *Tagger) features(f []uint64, words []string, class, first []int, i int) []uint64 {
	w := words[i]
	p1, p2 := t.prevTag(class, i-1), t.prevTag(class, i-2)
	n1, n2, b1 := wordAt(words, i+1), wordAt(words, i+2), wordAt(words, i-1)
	d1 := t.dictTag(words, i+1)
	start := "0"
	if i == 0 {
		start = "1"
	}
	T := perceptron.Template
	f = append(f,
		uint64(T(0)),
		uint64(T(1).Add(w)),
		uint64(addLower(T(2), w)),
		uint64(T(3).Add(wordSuffix(w, 4))),
		uint64(T(4).Add(wordSuffix(w, 3))),
		uint64(T(5).Add(wordSuffix(w, 2))),
		uint64(T(6).Add(w[:min(len(w), 1)])),
		uint64(addShape(T(7), w)),
		uint64(addShape(T(8).Add(start), w)),
		uint64(T(9).Add(p1)),
		uint64(T(10).Add(p1).Add(p2)),
		uint64(addLower(T(11).Add(p1), w)),
		uint64(T(12).Add(p1).Add(wordSuffix(w, 3))),
		uint64(addLower(addLower(T(13), b1), w)),
		uint64(T(14).Add(wordSuffix(b1, 3))),
		uint64(addLower(addLower(T(15), w), n1)),
		uint64(addLower(T(16), n1)),
		uint64(T(17).Add(wordSuffix(n1, 3))),
		uint64(addShape(T(18), n1)),
		uint64(addLower(T(19), n2)),
		uint64(T(20).Add(d1)),
		uint64(T(21).Add(p1).Add(d1)),
	)
	if first == nil {
		return f
	}
	f1, f2, f0 := t.firstTag(first, i+1), t.firstTag(first, i+2), t.firstTag(first, i)
	return append(f,
		uint64(T(22).Add(f1)),
		uint64(T(23).Add(f1).Add(f2)),
		uint64(T(24).Add(p1).Add(f1)),
		uint64(addLower(T(25).Add(f1), w)),
		uint64(T(26).Add(f0)),
		uint64(T(27).Add(wordSuffix(w, 3)).Add(f1)),
	)
}

// firstTag names the first pass's class at i, or the end of the sentence.
func (t *Tagger) firstTag(first []int, i int) string {
	if i >= len(first) {
		return "-END-"
	}
	return t.model.Classes[first[i]]
}

// prevTag names the class at i for the features of later words, with
// distinct names before the start of the sentence.
func (t *Tagger) prevTag(class []int, i int) string {
	switch {
	case i >= 0:
		return t.model.Classes[class[i]]
	case i == -1:
		return "-START-"
	}
	return "-START2-"
}

// dictTag returns the class of words[i] in the tag dictionary, or "?".
func (t *Tagger) dictTag(words []string, i int) string {
	if i >= len(words) {
		return "-END-"
	}
	if c, ok := t.dict[words[i]]; ok {
		return t.model.Classes[c]
	}
	return "?"
}

// wordAt returns words[i], or a marker beyond either end.
func wordAt(words []string, i int) string {
	switch {
	case i < 0:
		return "-START-"
	case i >= len(words):
		return "-END-"
	}
	return words[i]
}

func wordSuffix(w string, n int) string { return w[max(len(w)-n, 0):] }

// maxFold is the longest word addLower folds; the conversion of a buffer
// this short to a string stays on the stack, so folding does not allocate.
const maxFold = 32

// addLower adds w with ASCII letters folded to lower case. Longer words
// are added as they are: they are too rare to matter.
func addLower(h perceptron.Feat, w string) perceptron.Feat {
	if len(w) > maxFold || !hasUpper(w) {
		return h.Add(w)
	}
	var b [maxFold]byte
	n := copy(b[:], w)
	for i := range n {
		if 'A' <= b[i] && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return h.Add(string(b[:n]))
}

func hasUpper(w string) bool {
	for i := 0; i < len(w); i++ {
		if 'A' <= w[i] && w[i] <= 'Z' {
			return true
		}
	}
	return false
}

// addShape adds the shape of w: each letter becomes "X" or "x", each digit
// "d", other ASCII bytes stay, non-ASCII letters become "u"; runs of one
// symbol shorten to one, so "Sa'ar" is "Xx'x" and "60,000" is "d,d".
func addShape(h perceptron.Feat, w string) perceptron.Feat {
	var b [maxFold]byte
	n := 0
	for i := 0; i < len(w) && n < len(b); i++ {
		c := w[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c = 'X'
		case 'a' <= c && c <= 'z':
			c = 'x'
		case '0' <= c && c <= '9':
			c = 'd'
		case c >= 0x80:
			c = 'u'
		}
		if n == 0 || b[n-1] != c {
			b[n] = c
			n++
		}
	}
	return h.Add(string(b[:n]))
}

// TrainTagger trains a tagger on train. dev, which may be empty, is only
// tagged after each pass, with the weights of the moment, and at the end,
// with the averaged weights, to report progress to opts.Log. Training is
// deterministic: the sentences are shuffled between passes by opts.Seed.
func TrainTagger(train, dev []treebank.Sentence, opts perceptron.Options) (*Tagger, error) {
	classes, gold := tagClasses(train)
	if len(classes) == 0 {
		return nil, fmt.Errorf("train tagger: no UPOS XPOS pair occurs %d times in the training data", minClassCount)
	}
	dict := tagDict(train, gold, len(classes))
	t, err := newTagger(perceptron.New(classes), dict)
	if err != nil {
		return nil, err
	}
	t.trainPass(t.model, train, gold, nil, opts)
	if opts.Log != nil {
		fmt.Fprintf(opts.Log, "first pass averaged%s\n", devAccuracy(t, dev))
	}
	first := jackknifeTags(train, gold, classes, dict, opts)
	t.second = perceptron.New(classes)
	t.trainPass(t.second, train, gold, first, opts)
	if opts.Log != nil {
		fmt.Fprintf(opts.Log, "second pass averaged%s\n", devAccuracy(t, dev))
	}
	return t, nil
}

// tagFolds is the number of parts jackknifeTags splits the data into.
const tagFolds = 5

// jackknifeTags returns the classes that first-pass taggers give the words
// of train, each trained on the other parts: the second pass learns from
// tags as wrong as they are on unseen text.
func jackknifeTags(train []treebank.Sentence, gold [][]int, classes []string, dict map[string]int, opts perceptron.Options) [][]int {
	out := make([][]int, len(train))
	quiet := opts
	quiet.Log = nil
	for k := range tagFolds {
		var part []treebank.Sentence
		var partGold [][]int
		for i := range train {
			if i%tagFolds != k {
				part, partGold = append(part, train[i]), append(partGold, gold[i])
			}
		}
		t, _ := newTagger(perceptron.New(classes), dict)
		t.trainPass(t.model, part, partGold, nil, quiet)
		sc := t.newScratch()
		for i := k; i < len(train); i += tagFolds {
			t.pass(sc, t.model, train[i].Words(), nil, nil)
			out[i] = slices.Clone(sc.class)
		}
	}
	return out
}

// trainPass trains m, a model of the first pass (first nil) or of the
// second, and averages it.
func (t *Tagger) trainPass(m *perceptron.Model, train []treebank.Sentence, gold, first [][]int, opts perceptron.Options) {
	keep := t.frequentFeatures(train, gold, first)
	iters := opts.Iterations
	if iters <= 0 {
		iters = taggerIterations
	}
	rng := rand.New(rand.NewPCG(uint64(opts.Seed), 0x7a66))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	sc := t.newScratch()
	for it := range iters {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var right, total int
		for _, si := range order {
			words, f := train[si].Words(), sentence(first, si)
			sc.class = sc.class[:0]
			for i, truth := range gold[si] {
				guess, ok := t.dict[words[i]]
				if !ok {
					sc.feats = t.features(sc.feats[:0], words, sc.class, f, i)
					sc.feats = slices.DeleteFunc(sc.feats, func(f uint64) bool { return !keep[f] })
					m.Scores(sc.feats, sc.scores)
					guess = perceptron.Best(sc.scores, nil)
					m.Update(truth, guess, sc.feats)
				}
				if guess == truth {
					right++
				}
				// The history is the tagger's own guesses, as when tagging.
				sc.class = append(sc.class, guess)
			}
			total += len(words)
		}
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, "pass %d: train %.2f%%\n", it+1, percent(right, total))
		}
	}
	m.Average()
}

// sentence returns the first pass's classes of sentence si, or nil while
// the first pass itself trains (first nil).
func sentence(first [][]int, si int) []int {
	if first == nil {
		return nil
	}
	return first[si]
}

// frequentFeatures returns the features seen at least minFeatCount times
// in train, with the gold classes as history.
func (t *Tagger) frequentFeatures(train []treebank.Sentence, gold, first [][]int) map[uint64]bool {
	count := map[uint64]int{}
	var feats []uint64
	for si, s := range train {
		words, f := s.Words(), sentence(first, si)
		for i, w := range words {
			if _, ok := t.dict[w]; ok {
				continue
			}
			feats = t.features(feats[:0], words, gold[si], f, i)
			for _, f := range feats {
				count[f]++
			}
		}
	}
	keep := map[uint64]bool{}
	for f, n := range count {
		if n >= minFeatCount {
			keep[f] = true
		}
	}
	return keep
}

// tagDict returns the tag dictionary of train: see dictMinCount.
func tagDict(train []treebank.Sentence, gold [][]int, nClasses int) map[string]int {
	counts := map[string][]int{}
	for si, s := range train {
		for i, tok := range s.Tokens {
			c := counts[tok.Form]
			if c == nil {
				c = make([]int, nClasses)
				counts[tok.Form] = c
			}
			c[gold[si][i]]++
		}
	}
	dict := map[string]int{}
	for w, c := range counts {
		best, n := 0, 0
		for i, k := range c {
			n += k
			if k > c[best] {
				best = i
			}
		}
		if n >= dictMinCount && float64(c[best]) >= dictMinShare*float64(n) {
			dict[w] = best
		}
	}
	return dict
}

// tagClasses returns the joint classes of train, most frequent first, and
// the class of each word of each sentence.
func tagClasses(train []treebank.Sentence) ([]string, [][]int) {
	count := map[string]int{}
	for _, s := range train {
		for _, tok := range s.Tokens {
			count[tok.UPOS+" "+tok.XPOS]++
		}
	}
	var classes []string
	for c, n := range count {
		if n >= minClassCount {
			classes = append(classes, c)
		}
	}
	slices.SortFunc(classes, func(a, b string) int {
		if d := count[b] - count[a]; d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	index := map[string]int{}
	for i, c := range classes {
		index[c] = i
	}
	// A rare pair maps to the first (most frequent) class with its XPOS,
	// else with its UPOS, else to the most frequent class.
	classOf := func(upos, xpos string) int {
		if c, ok := index[upos+" "+xpos]; ok {
			return c
		}
		for i, c := range classes {
			if strings.HasSuffix(c, " "+xpos) {
				return i
			}
		}
		for i, c := range classes {
			if strings.HasPrefix(c, upos+" ") {
				return i
			}
		}
		return 0
	}
	gold := make([][]int, len(train))
	for si, s := range train {
		gold[si] = make([]int, len(s.Tokens))
		for i, tok := range s.Tokens {
			gold[si][i] = classOf(tok.UPOS, tok.XPOS)
		}
	}
	return classes, gold
}

// TagAccuracy is the share of words whose UPOS and XPOS the tagger gets
// right, in percent.
type TagAccuracy struct {
	UPOS, XPOS float64
	Words      int
}

// Evaluate tags the words of gold and scores the tags.
func (t *Tagger) Evaluate(gold []treebank.Sentence) TagAccuracy {
	var u, x, n int
	var upos, xpos []string
	for _, s := range gold {
		upos, xpos = slices.Grow(upos[:0], len(s.Tokens))[:len(s.Tokens)], slices.Grow(xpos[:0], len(s.Tokens))[:len(s.Tokens)]
		t.TagInto(s.Words(), upos, xpos)
		for i, tok := range s.Tokens {
			if upos[i] == tok.UPOS {
				u++
			}
			if xpos[i] == tok.XPOS {
				x++
			}
		}
		n += len(s.Tokens)
	}
	return TagAccuracy{UPOS: percent(u, n), XPOS: percent(x, n), Words: n}
}

func devAccuracy(t *Tagger, dev []treebank.Sentence) string {
	if len(dev) == 0 {
		return ""
	}
	a := t.Evaluate(dev)
	return fmt.Sprintf(", dev upos %.2f%% xpos %.2f%%", a.UPOS, a.XPOS)
}

func percent(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Tagger files: a magic string, the tag dictionary as a count and
// (word, class) pairs sorted by word, then the perceptron models of the
// first and the second pass.
const taggerMagic = "dyad-tagger-2"

// Write writes the tagger; ReadTagger reads it back.
func (t *Tagger) Write(w io.Writer) error {
	b := appendString(nil, taggerMagic)
	b = binary.AppendUvarint(b, uint64(len(t.dict)))
	for _, word := range slices.Sorted(maps.Keys(t.dict)) {
		b = appendString(b, word)
		b = binary.AppendUvarint(b, uint64(t.dict[word]))
	}
	if _, err := w.Write(b); err != nil {
		return err
	}
	if err := t.model.Write(w); err != nil {
		return err
	}
	return t.second.Write(w)
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// ReadTagger reads a tagger written by Write.
func ReadTagger(r io.Reader) (*Tagger, error) {
	br := bufio.NewReader(r)
	bad := errors.New("not a dyad tagger model")
	readString := func() (string, error) {
		n, err := binary.ReadUvarint(br)
		if err != nil || n > 1<<16 {
			return "", bad
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			return "", bad
		}
		return string(b), nil
	}
	if magic, err := readString(); err != nil || magic != taggerMagic {
		return nil, bad
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<24 {
		return nil, bad
	}
	dict := make(map[string]int, n)
	for range n {
		w, err := readString()
		if err != nil {
			return nil, err
		}
		c, err := binary.ReadUvarint(br)
		if err != nil || c > 1<<16 {
			return nil, bad
		}
		dict[w] = int(c)
	}
	m, err := perceptron.Read(br)
	if err != nil {
		return nil, err
	}
	second, err := perceptron.Read(br)
	if err != nil {
		return nil, err
	}
	if !slices.Equal(second.Classes, m.Classes) {
		return nil, errors.New("tagger model: the passes have different classes")
	}
	t, err := newTagger(m, dict)
	if err != nil {
		return nil, err
	}
	t.second = second
	return t, nil
}

//go:embed models/tagger.bin
var taggerModel []byte

// DefaultTagger returns the tagger embedded in the program, trained on GUM
// and UD English-EWT (see NOTICE); it is read on first use.
func DefaultTagger() *Tagger { return defaultTagger() }

var defaultTagger = perceptron.Embedded("text: tagger", taggerModel, ReadTagger)
