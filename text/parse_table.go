package text

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"slices"

	"dyad/internal/perceptron"
)

// scorer adds up the weights of features for each class: a perceptron
// while training, a frozen table after.
type scorer interface {
	Scores(feats []uint64, scores []float32)
}

// table is a trained perceptron frozen for parsing: an open-addressing
// hash table whose slots hold the feature's key and its weights side by
// side, so that a feature costs one cache miss (a Go map of slices costs
// three, and an allocation per row when loading). Parsing is bound by
// these misses.
//
// Slot i is data[i*stride:(i+1)*stride]: the low half of the feature
// (with the low bit set, so that 0 marks an empty slot), then one weight
// per class as float32 bits. The high bits of the feature pick the slot:
// features are stored in ascending order, so loading fills the table
// front to back instead of missing the cache at every row. Two features
// of one probe run agreeing in 31 bits are rare enough to ignore. With
// many classes, empty slots would waste too much memory: the slot then
// holds the index of a row in rows instead.
type table struct {
	classes, stride int
	mask            uint64
	shift           uint // slot of f: f >> shift
	data            []uint32
	rows            []uint32 // the rows of a wide table
	feats           []uint64 // the features, ascending, for writing
}

const maxInline = 7 // classes

func newTable(classes, rows int) *table {
	size, shift := 16, uint(60)
	for size < 2*rows { // at most half full: probes stay short
		size, shift = size*2, shift-1
	}
	t := &table{classes: classes, stride: classes + 1, mask: uint64(size - 1), shift: shift, feats: make([]uint64, 0, rows)}
	if classes > maxInline {
		t.stride = 2
		t.rows = make([]uint32, 0, rows*classes)
	}
	t.data = make([]uint32, size*t.stride)
	return t
}

func slotKey(f uint64) uint32 { return uint32(f) | 1 }

// row returns the weights of feature f, adding it if add is set; nil when
// f is absent.
func (t *table) row(f uint64, add bool) []uint32 {
	key := slotKey(f)
	for i := f >> t.shift; ; i = (i + 1) & t.mask {
		slot := t.data[int(i)*t.stride : int(i+1)*t.stride]
		switch slot[0] {
		case key:
			if t.rows != nil {
				r := int(slot[1]) * t.classes
				return t.rows[r : r+t.classes]
			}
			return slot[1:]
		case 0:
			if !add {
				return nil
			}
			slot[0] = key
			t.feats = append(t.feats, f)
			if t.rows != nil {
				slot[1] = uint32(len(t.rows) / t.classes)
				t.rows = append(t.rows, make([]uint32, t.classes)...)
				r := int(slot[1]) * t.classes
				return t.rows[r : r+t.classes]
			}
			return slot[1:]
		}
	}
}

func (t *table) Scores(feats []uint64, scores []float32) {
	clear(scores)
	scores = scores[:t.classes]
	var rows [64][]uint32
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), len(rows))]
		feats = feats[len(chunk):]
		// Touch every feature's slot, then every row, before using any:
		// these loads do not depend on each other, so the processor
		// overlaps their cache misses, where a loop branching on each
		// would wait for every one. Parsing is bound by these misses.
		var touch uint32
		for _, f := range chunk {
			touch += t.data[int(f>>t.shift)*t.stride]
		}
		n := 0
		for _, f := range chunk {
			if r := t.row(f, false); r != nil {
				touch += r[0]
				rows[n] = r
				n++
			}
		}
		for _, r := range rows[:n] {
			for c, w := range r {
				scores[c] += math.Float32frombits(w)
			}
		}
		scores[0] += float32(touch>>31) * 0 // keeps the touching loads
	}
}

// freeze copies the non-zero rows of the averaged model m for the
// features feats (all that m may know).
func freeze(m *perceptron.Model, feats []uint64) *table {
	slices.Sort(feats)
	n := len(m.Classes)
	rows := make([]float32, 0, len(feats)*n/4)
	var kept []uint64
	row := make([]float32, n)
	for _, f := range feats {
		m.Scores([]uint64{f}, row)
		if slices.ContainsFunc(row, func(w float32) bool { return w != 0 }) {
			kept = append(kept, f)
			rows = append(rows, row...)
		}
	}
	t := newTable(n, len(kept))
	for i, f := range kept {
		r := t.row(f, true)
		for c, w := range rows[i*n : (i+1)*n] {
			r[c] = math.Float32bits(w)
		}
	}
	return t
}

// write writes the rows in ascending feature order, each as the delta of
// its feature and its non-zero weights as (class, float32) pairs.
func (t *table) write(w *bufio.Writer) {
	var buf []byte
	buf = binary.AppendUvarint(buf, uint64(t.classes))
	buf = binary.AppendUvarint(buf, uint64(len(t.feats)))
	var prev uint64
	for _, f := range t.feats { // ascending: see freeze and readTable
		buf = binary.AppendUvarint(buf, f-prev)
		prev = f
		row := t.row(f, false)
		nz := 0
		for _, v := range row {
			if v != 0 {
				nz++
			}
		}
		buf = binary.AppendUvarint(buf, uint64(nz))
		for c, v := range row {
			if v != 0 {
				buf = binary.AppendUvarint(buf, uint64(c))
				buf = binary.LittleEndian.AppendUint32(buf, v)
			}
		}
	}
	w.Write(buf)
}

var errTable = errors.New("parser model: bad weight table")

func readTable(r *bufio.Reader) (*table, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil || n == 0 || n > 1<<12 {
		return nil, errTable
	}
	rows, err := binary.ReadUvarint(r)
	if err != nil || rows > 1<<26 {
		return nil, errTable
	}
	t := newTable(int(n), int(rows))
	var f uint64
	var b [4]byte
	for i := range rows {
		d, err := binary.ReadUvarint(r)
		if err != nil || i > 0 && d == 0 {
			return nil, errTable
		}
		f += d
		row := t.row(f, true)
		nz, err := binary.ReadUvarint(r)
		if err != nil || nz > n {
			return nil, errTable
		}
		for range nz {
			c, err := binary.ReadUvarint(r)
			if err != nil || c >= n {
				return nil, errTable
			}
			if _, err := io.ReadFull(r, b[:]); err != nil {
				return nil, errTable
			}
			row[c] = binary.LittleEndian.Uint32(b[:])
		}
	}
	return t, nil
}
