package ner

import (
	"slices"

	"dyad/eval"
	"dyad/treebank"
)

// evaluate scores r on the sentences that carry entity annotation, over
// the types r knows (gold entities of other types are not counted).
func (r *Recognizer) evaluate(sents []treebank.Sentence) eval.NER {
	var gold, pred [][]treebank.Entity
	for _, s := range sents {
		if !s.HasEntities {
			continue
		}
		gold = append(gold, slices.DeleteFunc(slices.Clone(s.Entities), func(e treebank.Entity) bool {
			return !slices.Contains(r.types, e.Type)
		}))
		pred = append(pred, r.Recognize(s.Words(), nil))
	}
	return eval.ScoreEntities(gold, pred)
}
