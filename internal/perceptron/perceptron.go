// Package perceptron is a multi-class averaged perceptron over hashed
// features, the learner behind dyad's tagger, parser and entity recognizer.
package perceptron

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"sync"
)

// Model is a multi-class averaged perceptron. Features are 64-bit hashes
// (see Feat); each maps to a row of one weight per class.
//
// Training keeps, for every weight, the sum of its values over all updates
// so far (lazily, with the step of its last change), so that Average() can
// replace each weight by its mean over training: the averaged perceptron of
// Collins (2002), which generalizes far better than the last weights.
// Average then freezes the weights into a compact table for scoring; a
// model read from a file is frozen too.
type Model struct {
	Classes []string

	// training state, nil once frozen
	weights map[uint64][]float32
	totals  map[uint64][]float64
	stamps  map[uint64][]int32
	step    int32

	frozen *table
}

// New returns an untrained model over classes.
func New(classes []string) *Model {
	return &Model{
		Classes: classes,
		weights: map[uint64][]float32{},
		totals:  map[uint64][]float64{},
		stamps:  map[uint64][]int32{},
	}
}

// Scores adds the weights of feats into scores, which has one slot per
// class and is zeroed first.
func (p *Model) Scores(feats []uint64, scores []float32) {
	if p.frozen != nil {
		p.frozen.scores(feats, scores)
		return
	}
	clear(scores)
	for _, f := range feats {
		row, ok := p.weights[f]
		if !ok {
			continue
		}
		for c, w := range row {
			scores[c] += w
		}
	}
}

// Best returns the class with the highest score among those allowed (all
// when allowed is nil); ties go to the lower class index.
func Best(scores []float32, allowed func(int) bool) int {
	b := -1
	for c, s := range scores {
		if allowed != nil && !allowed(c) {
			continue
		}
		if b < 0 || s > scores[b] {
			b = c
		}
	}
	return b
}

// Update moves weight from guess to truth for feats; a correct guess
// changes nothing but still counts as a step. It panics once the model is
// frozen.
func (p *Model) Update(truth, guess int, feats []uint64) {
	if p.frozen != nil {
		panic("perceptron: update after training ended")
	}
	p.step++
	if truth == guess {
		return
	}
	for _, f := range feats {
		p.bump(f, truth, 1)
		p.bump(f, guess, -1)
	}
}

// UpdateRank is Update for a model of one class that ranks alternatives
// (the heads a word may take, say) by the score of each one's features: it
// moves weight from the features of the guessed alternative to those of
// the true one.
func (p *Model) UpdateRank(truth, guess []uint64) {
	if p.frozen != nil {
		panic("perceptron: update after training ended")
	}
	p.step++
	for _, f := range truth {
		p.bump(f, 0, 1)
	}
	for _, f := range guess {
		p.bump(f, 0, -1)
	}
}

func (p *Model) bump(f uint64, c int, delta float32) {
	row, ok := p.weights[f]
	if !ok {
		row = make([]float32, len(p.Classes))
		p.weights[f] = row
		p.totals[f] = make([]float64, len(p.Classes))
		p.stamps[f] = make([]int32, len(p.Classes))
	}
	tot, st := p.totals[f], p.stamps[f]
	tot[c] += float64(p.step-st[c]) * float64(row[c])
	st[c] = p.step
	row[c] += delta
}

// Average replaces each weight by its mean over all steps, drops features
// whose weights are all zero, and ends training: the weights are frozen.
func (p *Model) Average() {
	if p.frozen != nil {
		return
	}
	for f, row := range p.weights {
		tot, st := p.totals[f], p.stamps[f]
		zero := true
		for c := range row {
			t := tot[c] + float64(p.step-st[c])*float64(row[c])
			row[c] = float32(t / float64(max(p.step, 1)))
			if math.Abs(float64(row[c])) > 1e-6 {
				zero = false
			} else {
				row[c] = 0
			}
		}
		if zero {
			delete(p.weights, f)
		}
	}
	p.frozen = freeze(len(p.Classes), p.weights)
	p.weights, p.totals, p.stamps = nil, nil, nil
}

// Mean returns the model whose weights are the means of those of models,
// averaged and over the same classes: models trained with different
// shuffles of the same data, say. It scores as the mean of their scores
// would, at the cost of one model, as scores are linear in the weights.
func Mean(models ...*Model) (*Model, error) {
	if len(models) == 0 {
		return nil, errors.New("perceptron: mean of no models")
	}
	classes := models[0].Classes
	sums := map[uint64][]float32{}
	var row []entry
	for _, m := range models {
		if m.frozen == nil {
			return nil, errUnaveraged
		}
		if !slices.Equal(m.Classes, classes) {
			return nil, errors.New("perceptron: mean of models over other classes")
		}
		for _, f := range m.frozen.feats {
			sum := sums[f]
			if sum == nil {
				sum = make([]float32, len(classes))
				sums[f] = sum
			}
			row = m.frozen.entries(f, row[:0])
			for _, e := range row {
				sum[e.class] += math.Float32frombits(e.w) / float32(len(models))
			}
		}
	}
	return &Model{Classes: classes, frozen: freeze(len(classes), sums)}, nil
}

// freeze copies the non-zero weights into a table.
func freeze(classes int, weights map[uint64][]float32) *table {
	keys := slices.Sorted(maps.Keys(weights))
	t := newTable(classes, len(keys))
	var row []entry
	for _, f := range keys {
		row = row[:0]
		for c, w := range weights[f] {
			if w != 0 {
				row = append(row, entry{c, math.Float32bits(w)})
			}
		}
		t.add(f, row)
	}
	return t
}

// Model files: a magic string, the class names, then the weights (see
// table.appendRows).
const perceptronMagic = "dyad-perceptron-1"

var errUnaveraged = errors.New("perceptron: write before average")

// Write writes the model. It must be averaged first.
func (p *Model) Write(w io.Writer) error {
	if p.frozen == nil {
		return errUnaveraged
	}
	b := appendString(nil, perceptronMagic)
	b = binary.AppendUvarint(b, uint64(len(p.Classes)))
	for _, c := range p.Classes {
		b = appendString(b, c)
	}
	_, err := w.Write(p.frozen.appendRows(b))
	return err
}

// Read reads a model written by Write.
func Read(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	magic, err := readString(br)
	if err != nil || magic != perceptronMagic {
		return nil, fmt.Errorf("not a dyad perceptron model")
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n == 0 || n > 1<<16 {
		return nil, fmt.Errorf("perceptron model: bad class count")
	}
	p := &Model{Classes: make([]string, n)}
	for i := range p.Classes {
		if p.Classes[i], err = readString(br); err != nil {
			return nil, fmt.Errorf("perceptron model: %w", err)
		}
	}
	if p.frozen, err = readRows(br, int(n)); err != nil {
		return nil, fmt.Errorf("perceptron model: %w", err)
	}
	return p, nil
}

// AppendWeights appends the weights alone, for a file that names the
// classes itself: their count, then the rows. The model must be averaged.
func (p *Model) AppendWeights(b []byte) ([]byte, error) {
	if p.frozen == nil {
		return b, errUnaveraged
	}
	return p.frozen.appendRows(binary.AppendUvarint(b, uint64(len(p.Classes)))), nil
}

// ReadWeights reads weights written by AppendWeights into a model over
// classes.
func ReadWeights(r *bufio.Reader, classes []string) (*Model, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil || n != uint64(len(classes)) {
		return nil, fmt.Errorf("perceptron weights: class count is not %d", len(classes))
	}
	t, err := readRows(r, len(classes))
	if err != nil {
		return nil, fmt.Errorf("perceptron weights: %w", err)
	}
	return &Model{Classes: classes, frozen: t}, nil
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func readString(r *bufio.Reader) (string, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil || n > 1<<20 {
		return "", errors.New("bad string")
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return "", err
	}
	return string(b), nil
}

// Feat builds a feature hash without allocating: start with a template
// number, then add strings. FNV-1a, 64 bits.
type Feat uint64

const fnvOffset, fnvPrime = 14695981039346656037, 1099511628211

// Template starts a feature of template t.
func Template(t byte) Feat {
	return (Feat(fnvOffset) ^ Feat(t)) * fnvPrime
}

// Add mixes s into the feature, with a separator so that ("ab","c") and
// ("a","bc") differ.
func (h Feat) Add(s string) Feat {
	for i := 0; i < len(s); i++ {
		h = (h ^ Feat(s[i])) * fnvPrime
	}
	return (h ^ 0xff) * fnvPrime
}

// Options control training of the models built on Model. Training is
// deterministic: the same data, options and seed give the same model.
type Options struct {
	Iterations int       // passes over the training data; 0 means the model's default
	Seed       int64     // shuffles the data between passes
	Log        io.Writer // progress, one line per pass; nil for none
}

// Embedded returns a function that reads a model embedded in the program
// on its first call and returns the same model after. A model that does not
// read is a defect of the build, not of any input: it panics.
func Embedded[T any](name string, data []byte, read func(io.Reader) (T, error)) func() T {
	return sync.OnceValue(func() T {
		m, err := read(bytes.NewReader(data))
		if err != nil {
			panic(name + ": embedded model: " + err.Error())
		}
		return m
	})
}
