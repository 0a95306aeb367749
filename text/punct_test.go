package text

import (
	"slices"
	"strings"
	"testing"
)

// A mark can take only heads whose arc to it crosses no other arc; marks
// after it are ignored, and no mark is a head.
func TestPunctHeads(t *testing.T) {
	tests := []struct {
		words, upos string
		heads       []int // by token from 1
		d           int
		want        []int
		side, rank  []int
	}{
		// "man" hangs from "left", so "The" would cross it
		{"The man , left", "DET NOUN PUNCT VERB", []int{2, 4, 4, 0}, 3, []int{2, 4}, []int{0, 1}, []int{0, 0}},
		{"He said , yes .", "PRON VERB PUNCT INTJ PUNCT", []int{2, 0, 2, 2, 2}, 3, []int{2, 4}, []int{0, 1}, []int{0, 0}},
		// the comma after "yes" is skipped on the right, the one before is no head
		{"He said , yes , .", "PRON VERB PUNCT INTJ PUNCT PUNCT", []int{2, 0, 2, 2, 4, 2}, 6, []int{4, 2}, []int{0, 0}, []int{0, 1}},
		{"Go , now", "VERB PUNCT ADV", []int{0, 3, 1}, 2, []int{1, 3}, []int{0, 1}, []int{0, 0}},
	}
	for _, tt := range tests {
		words, upos := strings.Fields(tt.words), strings.Fields(tt.upos)
		s := new(parseState)
		s.reset(words, upos, nil)
		copy(s.heads[1:], tt.heads)
		s.markLeaves()
		cands, side, rank := s.punctHeads(tt.d)
		if !slices.Equal(cands, tt.want) || !slices.Equal(side, tt.side) || !slices.Equal(rank, tt.rank) {
			t.Errorf("%q, mark %d: heads %v sides %v ranks %v, want %v %v %v", tt.words, tt.d, cands, side, rank, tt.want, tt.side, tt.rank)
		}
	}
}
