package ner

import (
	"fmt"
	"slices"
	"strings"

	"dyad/treebank"
)

// counts are exact-match tallies: an entity is right only with the same
// span and type.
type counts struct{ tp, fp, fn int }

func (c counts) prf() (p, r, f float64) {
	if c.tp+c.fp > 0 {
		p = float64(c.tp) / float64(c.tp+c.fp)
	}
	if c.tp+c.fn > 0 {
		r = float64(c.tp) / float64(c.tp+c.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// score holds the tallies of an evaluation, overall and by type.
type score struct {
	sentences int
	all       counts
	byType    map[string]*counts
}

func (sc *score) add(gold, got []treebank.Entity) {
	sc.sentences++
	if sc.byType == nil {
		sc.byType = map[string]*counts{}
	}
	tally := func(typ string) *counts {
		c := sc.byType[typ]
		if c == nil {
			c = &counts{}
			sc.byType[typ] = c
		}
		return c
	}
	for _, g := range gold {
		if slices.Contains(got, g) {
			sc.all.tp++
			tally(g.Type).tp++
		} else {
			sc.all.fn++
			tally(g.Type).fn++
		}
	}
	for _, e := range got {
		if !slices.Contains(gold, e) {
			sc.all.fp++
			tally(e.Type).fp++
		}
	}
}

func (sc score) String() string {
	var b strings.Builder
	p, r, f := sc.all.prf()
	fmt.Fprintf(&b, "%d sentences, P %.2f R %.2f F1 %.2f", sc.sentences, 100*p, 100*r, 100*f)
	types := make([]string, 0, len(sc.byType))
	for t := range sc.byType {
		types = append(types, t)
	}
	slices.Sort(types)
	for _, t := range types {
		p, r, f := sc.byType[t].prf()
		fmt.Fprintf(&b, "; %s P %.2f R %.2f F1 %.2f", t, 100*p, 100*r, 100*f)
	}
	return b.String()
}

// evaluate scores r on the sentences that carry entity annotation, over
// the types r knows (gold entities of other types are not counted).
func (r *Recognizer) evaluate(sents []treebank.Sentence) score {
	var sc score
	for _, s := range sents {
		if !s.HasEntities {
			continue
		}
		gold := slices.DeleteFunc(slices.Clone(s.Entities), func(e treebank.Entity) bool {
			return !slices.Contains(r.types, e.Type)
		})
		sc.add(gold, r.Recognize(s.Words(), nil))
	}
	return sc
}
