package coder

import (
	"slices"
	"strings"
	"testing"

	"dyad"
)

// parsed builds the tree of a sentence whose words are separated by
// spaces, with the given parse (1-based heads, 0 for the root).
func parsed(text string, upos []string, heads []int, rels []string) *tree {
	s := dyad.Sentence{Span: dyad.Span{End: len(text)}}
	at := 0
	for i, w := range strings.Split(text, " ") {
		s.Tokens = append(s.Tokens, dyad.Token{Span: dyad.Span{Start: at, End: at + len(w)}, UPOS: upos[i], Head: heads[i], Rel: rels[i]})
		at += len(w) + 1
	}
	return newTree(text, s, nil, nil)
}

func TestConjuncts(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		upos  []string
		heads []int
		rels  []string
		k     int
		want  []int
	}{
		{"nouns", "Israel and Azerbaijan", []string{"PROPN", "CCONJ", "PROPN"}, []int{0, 3, 1}, []string{"root", "cc", "conj"}, 0, []int{0, 2}},
		{"adjectives of a noun", "French and Egyptian warships", []string{"ADJ", "CCONJ", "ADJ", "NOUN"}, []int{4, 3, 1, 0}, []string{"amod", "cc", "conj", "root"}, 3, []int{3, 2}},
		// a parse that hangs a participle clause from a noun as its conjunct
		{"no clause of a noun", "one , disputed by Chile", []string{"NUM", "PUNCT", "VERB", "ADP", "PROPN"}, []int{0, 3, 1, 5, 3}, []string{"root", "punct", "conj", "case", "obl"}, 0, []int{0}},
		{"clauses of a verb", "met and talked", []string{"VERB", "CCONJ", "VERB"}, []int{0, 3, 1}, []string{"root", "cc", "conj"}, 0, []int{0, 2}},
	}
	for _, tt := range tests {
		tr := parsed(tt.text, tt.upos, tt.heads, tt.rels)
		if got := tr.conjuncts(tt.k); !slices.Equal(got, tt.want) {
			t.Errorf("%s: conjuncts(%d) = %v, want %v", tt.name, tt.k, got, tt.want)
		}
	}
}
