package lexicon

import (
	"fmt"
	"strings"
)

// Nominal is a noun that names an event: "visit" (042), "sanctions"
// (163), "talks" (040).
type Nominal struct {
	Noun   string   // as nominal.tsv lists it first, singular: "visit"
	Code   string   // CAMEO code
	Target []string // prepositions that introduce the target: "to" in "visit to Baku"
	Source []string // prepositions that introduce the source: "by" in "visit by Sa'ar"
}

// Nominal returns the event a noun names, given in the singular or the
// plural, in any case: "Visits", "talks", "air strikes". Words are
// compared by NounKey.
func (l *Lexicon) Nominal(noun string) (Nominal, bool) {
	if n := l.nominals[nominalKey(noun)]; n != nil {
		return *n, true
	}
	return Nominal{}, false
}

// nominalKey folds each word of a noun phrase by NounKey; hyphens split
// words, so "cease-fire" and "cease fire" meet.
func nominalKey(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '\t' })
	for i, w := range f {
		f[i] = NounKey(w)
	}
	return strings.Join(f, " ")
}

// loadNominals reads nominal.tsv (format in its header).
func (l *Lexicon) loadNominals(data []byte) error {
	l.nominals = map[string]*Nominal{}
	return eachData("nominal.tsv", data, func(loc string, f []string) error {
		if len(f) != 4 {
			return fmt.Errorf("%s: %d fields, want nouns, code, target, source", loc, len(f))
		}
		nouns := list(f[0])
		if len(nouns) == 0 {
			return fmt.Errorf("%s: no noun", loc)
		}
		if !IsCAMEO(f[1]) {
			return fmt.Errorf("%s: %q is not a CAMEO code", loc, f[1])
		}
		n := &Nominal{Noun: nouns[0], Code: f[1], Target: list(f[2]), Source: list(f[3])}
		for _, noun := range nouns {
			k := nominalKey(noun)
			if old, dup := l.nominals[k]; dup {
				return fmt.Errorf("%s: %q is already listed as %q", loc, noun, old.Noun)
			}
			l.nominals[k] = n
		}
		return nil
	})
}
