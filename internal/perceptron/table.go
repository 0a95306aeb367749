package perceptron

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"math"
)

// table holds a trained model's weights for scoring: an open-addressing
// hash table whose slots hold the feature's key and its weights side by
// side, so that a feature costs one cache miss (a Go map of slices costs
// three, and an allocation per row when loading). Tagging, parsing and
// entity recognition are bound by these misses.
//
// Slot i is data[i*stride:(i+1)*stride]: the low half of the feature
// (with the low bit set, so that 0 marks an empty slot), then one weight
// per class as float32 bits. The high bits of the feature pick the slot:
// features are stored in ascending order, so loading fills the table
// front to back instead of missing the cache at every row. Two features
// of one probe run agreeing in 31 bits are rare enough to ignore.
//
// With many classes, empty slots would waste too much memory, and adding
// whole rows too much time: a feature has non-zero weights for only 3 to 5
// of the 13 to 66 classes of the entity, tag and relation models. The slot
// then holds the offset in sparse of the feature's entries: their count,
// then (class<<32 | weight bits) for each non-zero weight.
type table struct {
	classes, stride int
	mask            uint64
	shift           uint // slot of f: f >> shift
	data            []uint32
	sparse          []uint64 // the entries of a wide table
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
		t.sparse = make([]uint64, 0, rows*5)
	}
	t.data = make([]uint32, size*t.stride)
	hugePages(t.data)
	return t
}

func (t *table) wide() bool { return t.classes > maxInline }

func slotKey(f uint64) uint32 { return uint32(f) | 1 }

// find returns the index of the slot of feature f, or of the empty slot
// where it belongs; found tells which.
func (t *table) find(f uint64) (i uint32, found bool) {
	key := slotKey(f)
	for i := f >> t.shift; ; i = (i + 1) & t.mask {
		switch t.data[int(i)*t.stride] {
		case key:
			return uint32(i), true
		case 0:
			return uint32(i), false
		}
	}
}

// slot is slot i.
func (t *table) slot(i uint32) []uint32 {
	return t.data[int(i)*t.stride : int(i+1)*t.stride]
}

// entry is a non-zero weight of a feature.
type entry struct {
	class int
	w     uint32 // float32 bits
}

// add adds feature f, greater than any added before, with its non-zero
// weights in ascending class order.
func (t *table) add(f uint64, row []entry) {
	i, _ := t.find(f)
	slot := t.slot(i)
	slot[0] = slotKey(f)
	t.feats = append(t.feats, f)
	if !t.wide() {
		for _, e := range row {
			slot[1+e.class] = e.w
		}
		return
	}
	slot[1] = uint32(len(t.sparse))
	t.sparse = append(t.sparse, uint64(len(row)))
	for _, e := range row {
		t.sparse = append(t.sparse, uint64(e.class)<<32|uint64(e.w))
	}
}

// entries appends the non-zero weights of feature f to row, in ascending
// class order.
func (t *table) entries(f uint64, row []entry) []entry {
	i, found := t.find(f)
	if !found {
		return row
	}
	slot := t.slot(i)
	if t.wide() {
		off := int(slot[1])
		for _, e := range t.sparse[off+1 : off+1+int(t.sparse[off])] {
			row = append(row, entry{int(e >> 32), uint32(e)})
		}
		return row
	}
	for c, w := range slot[1:] {
		if w != 0 {
			row = append(row, entry{c, w})
		}
	}
	return row
}

// scores adds the weights of feats into scores, zeroed first.
func (t *table) scores(feats []uint64, scores []float32) {
	clear(scores)
	scores = scores[:t.classes]
	var slots [128]uint32 // a chunk's slots, by index: cheap to clear
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), len(slots))]
		feats = feats[len(chunk):]
		// Touch every feature's slot, then every row, before using any:
		// these loads do not depend on each other, so the processor
		// overlaps their cache misses, where a loop branching on each
		// would wait for every one.
		var touch uint32
		for _, f := range chunk {
			touch += t.data[int(f>>t.shift)*t.stride]
		}
		n := 0
		for _, f := range chunk {
			if i, ok := t.find(f); ok {
				slots[n] = i
				n++
			}
		}
		if t.wide() {
			for _, i := range slots[:n] {
				touch += uint32(t.sparse[t.data[int(i)*2+1]])
			}
			for _, i := range slots[:n] {
				off := int(t.data[int(i)*2+1])
				for _, e := range t.sparse[off+1 : off+1+int(t.sparse[off])] {
					scores[e>>32] += math.Float32frombits(uint32(e))
				}
			}
		} else {
			for _, i := range slots[:n] {
				for c, w := range t.slot(i)[1:] {
					scores[c] += math.Float32frombits(w)
				}
			}
		}
		scores[0] += float32(touch>>31) * 0 // keeps the touching loads
	}
}

// appendRows appends the feature count, then the rows in ascending
// feature order, each as the delta of its feature and its non-zero weights
// as (class, float32) pairs: most features speak for few classes.
func (t *table) appendRows(b []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(t.feats)))
	var prev uint64
	var row []entry
	for _, f := range t.feats {
		b = binary.AppendUvarint(b, f-prev) // deltas of sorted hashes are short
		prev = f
		row = t.entries(f, row[:0])
		b = binary.AppendUvarint(b, uint64(len(row)))
		for _, e := range row {
			b = binary.AppendUvarint(b, uint64(e.class))
			b = binary.LittleEndian.AppendUint32(b, e.w)
		}
	}
	return b
}

var (
	errTruncated = errors.New("truncated")
	errRows      = errors.New("bad weight rows")
)

// readRows reads what appendRows wrote, for a model of n classes.
func readRows(r *bufio.Reader, n int) (*table, error) {
	nf, err := binary.ReadUvarint(r)
	if err != nil || nf > 1<<28 {
		return nil, errors.New("bad feature count")
	}
	t := newTable(n, int(nf))
	var f uint64
	var b [4]byte
	row := make([]entry, 0, n)
	for i := range nf {
		d, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, errTruncated
		}
		if i > 0 && d == 0 {
			return nil, errRows // features ascend
		}
		f += d
		k, err := binary.ReadUvarint(r)
		if err != nil || k > uint64(n) {
			return nil, errRows
		}
		row = row[:0]
		last := -1
		for range k {
			c, err := binary.ReadUvarint(r)
			if err != nil || c >= uint64(n) || int(c) <= last {
				return nil, errRows // classes ascend
			}
			last = int(c)
			if _, err := io.ReadFull(r, b[:]); err != nil {
				return nil, errTruncated
			}
			if w := binary.LittleEndian.Uint32(b[:]); w != 0 {
				row = append(row, entry{int(c), w})
			}
		}
		t.add(f, row)
	}
	return t, nil
}
