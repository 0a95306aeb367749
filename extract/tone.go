package extract

import (
	"cmp"
	"math"
	"slices"

	"dyad"
	"dyad/lexicon"
)

// themes counts the theme cues of every sentence, most frequent first.
func themes(lex *lexicon.Lexicon, d *doc) []dyad.Theme {
	counts := map[string]int{}
	for _, s := range d.sents {
		for i := 0; i < len(s.words); i++ {
			if name, n := lex.Theme(s.words[i:]); n > 0 {
				counts[name]++
				i += n - 1
			}
		}
	}
	out := make([]dyad.Theme, 0, len(counts))
	for name, c := range counts {
		out = append(out, dyad.Theme{Name: name, Count: c})
	}
	slices.SortFunc(out, func(a, b dyad.Theme) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Name, b.Name))
	})
	return out
}

// negators flip the polarity of the word after them, up to three words on.
var negators = set("not", "no", "never", "n't", "without", "nor", "neither", "hardly")

// tone scores sentences by the tone lexicon: every word is looked up; a
// negator within the three words before a cue flips it. The score is
// (positive − negative) per 100 words, as GDELT's tone.
func tone(lex *lexicon.Lexicon, d *doc, sents []int) dyad.Tone {
	var t dyad.Tone
	for _, si := range sents {
		s := &d.sents[si]
		for i, w := range s.words {
			if !isWord(w) {
				continue
			}
			t.Words++
			p := lex.Tone(w)
			for k := i - 1; k >= 0 && k >= i-3 && p != 0; k-- {
				if negators[s.lower(k)] {
					p = -p
					break
				}
			}
			switch {
			case p > 0:
				t.Positive++
			case p < 0:
				t.Negative++
			}
		}
	}
	if t.Words > 0 {
		t.Score = math.Round(float64(t.Positive-t.Negative)/float64(t.Words)*10000) / 100
	}
	return t
}

// actorTones scores, for each actor, the sentences that mention it.
func actorTones(lex *lexicon.Lexicon, d *doc, r *resolver) []dyad.ActorTone {
	sents := map[string][]int{}
	for _, m := range r.mentions {
		if m.Actor == "" {
			continue
		}
		if ss := sents[m.Actor]; len(ss) == 0 || ss[len(ss)-1] != m.sent {
			sents[m.Actor] = append(ss, m.sent)
		}
	}
	out := make([]dyad.ActorTone, 0, len(r.order))
	for _, id := range r.order {
		out = append(out, dyad.ActorTone{Actor: id, Sentences: len(sents[id]), Tone: tone(lex, d, sents[id])})
	}
	return out
}
