package ner

import (
	"cmp"
	"fmt"
	"slices"

	"dyad/treebank"
)

// Labels are BILOU tags over a fixed list of types: class 0 is O, and type
// k owns classes 1+4k .. 4+4k for B, I, L and U. Fixing the layout lets
// decoding and the transition constraints work on integers alone.
const (
	posB = iota
	posI
	posL
	posU
	nPos
)

var posNames = [nPos]string{"B", "I", "L", "U"}

// classes returns the class names for types: "O", "B-PER", "I-PER", ...
func classes(types []string) []string {
	cs := []string{"O"}
	for _, t := range types {
		for _, p := range posNames {
			cs = append(cs, p+"-"+t)
		}
	}
	return cs
}

// typesOf inverts classes, rejecting any other layout.
func typesOf(cs []string) ([]string, error) {
	if len(cs) == 0 || cs[0] != "O" || (len(cs)-1)%nPos != 0 {
		return nil, fmt.Errorf("ner: classes %q are not O + BILOU per type", cs)
	}
	var types []string
	for i := 1; i < len(cs); i += nPos {
		t := cs[i][min(2, len(cs[i])):]
		types = append(types, t)
	}
	if !slices.Equal(classes(types), cs) {
		return nil, fmt.Errorf("ner: classes %q are not O + BILOU per type", cs)
	}
	return types, nil
}

func label(typ, pos int) int { return 1 + typ*nPos + pos }

// split returns the type and BILOU position of a class other than O.
func split(c int) (typ, pos int) { return (c - 1) / nPos, (c - 1) % nPos }

// open reports whether c leaves an entity open (B or I), so the next label
// must continue it.
func open(c int) bool {
	if c == 0 {
		return false
	}
	_, p := split(c)
	return p == posB || p == posI
}

// allowed reports whether class c may follow class prev (-1 at the start
// of the sentence); last says c is at the final word, where nothing may
// stay open. Greedy decoding restricted to allowed labels always yields a
// well-formed sequence.
func allowed(prev, c int, last bool) bool {
	if prev >= 0 && open(prev) {
		pt, _ := split(prev)
		if c == 0 {
			return false
		}
		t, p := split(c)
		return t == pt && (p == posL || (p == posI && !last))
	}
	if c == 0 {
		return true
	}
	_, p := split(c)
	return p == posU || (p == posB && !last)
}

// encode labels n words with the entities whose type is in types. Entities
// that overlap one already labelled (nested or crossing spans) or that are
// out of range are dropped: earlier and then longer spans win.
func encode(ents []treebank.Entity, n int, types []string) []int {
	labels := make([]int, n)
	ents = slices.Clone(ents)
	slices.SortFunc(ents, func(a, b treebank.Entity) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End))
	})
	end := 0
	for _, e := range ents {
		t := slices.Index(types, e.Type)
		if t < 0 || e.Start < end || e.Start >= e.End || e.End > n {
			continue
		}
		labelSpan(labels, e.Start, e.End, t)
		end = e.End
	}
	return labels
}

// labelSpan labels words [i, j) as one entity of type typ.
func labelSpan(labels []int, i, j, typ int) {
	switch {
	case j == i+1:
		labels[i] = label(typ, posU)
	case j > i+1:
		labels[i] = label(typ, posB)
		for k := i + 1; k < j-1; k++ {
			labels[k] = label(typ, posI)
		}
		labels[j-1] = label(typ, posL)
	}
}

// decode reads the entities off a label sequence. It accepts any sequence:
// a B or I that is not closed ends at the last word of its type, and a
// stray I or L starts an entity, so malformed input still yields spans.
func decode(labels []int, types []string) []treebank.Entity {
	var ents []treebank.Entity
	start, typ := -1, -1
	flush := func(end int) {
		if start >= 0 {
			ents = append(ents, treebank.Entity{Start: start, End: end, Type: types[typ]})
		}
		start, typ = -1, -1
	}
	for i, c := range labels {
		if c == 0 {
			flush(i)
			continue
		}
		t, p := split(c)
		if start >= 0 && (t != typ || p == posB || p == posU) {
			flush(i)
		}
		if start < 0 {
			start, typ = i, t
		}
		if p == posL || p == posU {
			flush(i + 1)
		}
	}
	flush(len(labels))
	return ents
}
