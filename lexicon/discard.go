package lexicon

import (
	"fmt"
	"strings"
)

// DiscardPhrase is a phrase whose presence voids the coding of a sentence
// (sports, entertainment, history), or of the whole story.
type DiscardPhrase struct {
	Phrase string // lower-case words: "world cup"
	Story  bool   // void the whole story, not only the sentence
	Stem   bool   // the last word may continue: "basketball" matches "basketballs"
}

// discards finds discard phrases by the key of their first word.
type discards struct {
	first map[string][]*DiscardPhrase
	keys  map[*DiscardPhrase][]string
}

// Discard returns the first discard phrase found anywhere in words (tokens
// of one sentence), comparing by text.Key; ok is false when there is none.
// Per PETRARCH, a sentence with a discard phrase is not coded, and with a
// story discard (Story) the article is not coded at all.
func (l *Lexicon) Discard(words []string) (DiscardPhrase, bool) {
	keys := make([]string, len(words))
	for i, w := range words {
		keys[i] = foldKey(w)
	}
	for i := range keys {
		// A one-word stem ("baseball") may be any prefix of the word.
		for j := len(keys[i]); j > 0; j-- {
			for _, d := range l.discards.first[keys[i][:j]] {
				if l.discards.matchAt(d, keys[i:], j == len(keys[i])) {
					return *d, true
				}
			}
		}
	}
	return DiscardPhrase{}, false
}

// matchAt reports whether d matches at the start of keys; whole says
// whether keys[0] equals d's first word rather than only starting with it.
func (ds *discards) matchAt(d *DiscardPhrase, keys []string, whole bool) bool {
	dk := ds.keys[d]
	if len(dk) > len(keys) {
		return false
	}
	for i, k := range dk {
		last := i == len(dk)-1
		switch {
		case i == 0 && !whole:
			if !last || !d.Stem {
				return false
			}
		case last && d.Stem:
			if !strings.HasPrefix(keys[i], k) {
				return false
			}
		case keys[i] != k:
			return false
		}
	}
	return true
}

// loadDiscards reads discards.tsv (format in its header).
func (l *Lexicon) loadDiscards(data []byte) error {
	l.discards = discards{first: map[string][]*DiscardPhrase{}, keys: map[*DiscardPhrase][]string{}}
	return eachData("discards.tsv", data, func(loc string, f []string) error {
		if len(f) != 3 {
			return fmt.Errorf("%s: %d fields, want phrase, scope, match", loc, len(f))
		}
		d := &DiscardPhrase{Phrase: f[0]}
		switch f[1] {
		case "story":
			d.Story = true
		case "sentence":
		default:
			return fmt.Errorf("%s: scope %q is not sentence or story", loc, f[1])
		}
		switch f[2] {
		case "stem":
			d.Stem = true
		case "word":
		default:
			return fmt.Errorf("%s: match %q is not stem or word", loc, f[2])
		}
		var keys []string
		for _, w := range strings.Fields(f[0]) {
			if k := foldKey(w); k != "" {
				keys = append(keys, k)
			}
		}
		if len(keys) == 0 {
			return fmt.Errorf("%s: %q has no letters or digits", loc, f[0])
		}
		l.discards.keys[d] = keys
		l.discards.first[keys[0]] = append(l.discards.first[keys[0]], d)
		return nil
	})
}
