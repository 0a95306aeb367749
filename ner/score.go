package ner

import (
	"slices"

	"dyad/eval"
	"dyad/treebank"
)

// evaluate scores r on the sentences that carry entity annotation, over
// the types r knows (gold entities of other types are not counted), a
// document (treebank.Documents) at a time, as dyad eval nlp does.
func (r *Recognizer) evaluate(sents []treebank.Sentence) eval.NER {
	var gold, pred [][]treebank.Entity
	for _, run := range treebank.Documents(sents) {
		var words [][]string
		for _, s := range sents[run[0]:run[1]] {
			if s.HasEntities {
				gold = append(gold, slices.DeleteFunc(slices.Clone(s.Entities), func(e treebank.Entity) bool {
					return !slices.Contains(r.types, e.Type)
				}))
				words = append(words, s.Words())
			}
		}
		if len(words) > 0 {
			pred = append(pred, r.Document(words, nil)...)
		}
	}
	return eval.ScoreEntities(gold, pred)
}
