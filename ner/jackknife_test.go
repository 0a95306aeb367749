package ner

import (
	"slices"
	"testing"

	"dyad/text"
)

// TestJackknifeTags checks that jackknifed tags are those of taggers that
// did not see the sentence: less accurate than the default tagger's, which
// was trained on GUM train, yet still useful.
func TestJackknifeTags(t *testing.T) {
	sents := readGold(t, "gum/train")[:600]
	upos, err := jackknifeTags(sents, 1)
	if err != nil {
		t.Fatal(err)
	}
	accuracy := func(tag func(i int) []string) float64 {
		right, total := 0, 0
		for i, s := range sents {
			got := tag(i)
			for j, tk := range s.Tokens {
				if got[j] == tk.UPOS {
					right++
				}
				total++
			}
		}
		return float64(right) / float64(total)
	}
	held := accuracy(func(i int) []string { return upos[i] })
	seen := accuracy(func(i int) []string {
		u, _ := text.DefaultTagger().Tag(sents[i].Words())
		return u
	})
	t.Logf("UPOS accuracy: jackknifed %.4f, default tagger %.4f", held, seen)
	if held < 0.85 || held >= seen {
		t.Errorf("jackknifed accuracy %.4f: want at least 0.85 and under the default tagger's %.4f", held, seen)
	}
}

// TestJackknifeUntagged: without gold tags to train on, the default
// tagger tags.
func TestJackknifeUntagged(t *testing.T) {
	sents := toy()
	upos, err := jackknifeTags(sents, 1)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range sents {
		want, _ := text.DefaultTagger().Tag(s.Words())
		if !slices.Equal(upos[i], want) {
			t.Errorf("sentence %d: %v, want %v", i, upos[i], want)
		}
	}
}
