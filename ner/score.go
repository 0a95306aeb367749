package ner

import (
	"slices"

	"dyad/eval"
	"dyad/treebank"
)

// evaluate scores r on the sentences that carry entity annotation, over
// the types r knows (gold entities of other types are not counted), a
// document (treebank.Sentence.Doc) at a time, as dyad eval nlp does.
func (r *Recognizer) evaluate(sents []treebank.Sentence) eval.NER {
	var gold, pred [][]treebank.Entity
	var words [][]string
	for i, s := range sents {
		if s.HasEntities {
			gold = append(gold, slices.DeleteFunc(slices.Clone(s.Entities), func(e treebank.Entity) bool {
				return !slices.Contains(r.types, e.Type)
			}))
			words = append(words, s.Words())
		}
		if id := s.Doc(); len(words) > 0 && (i+1 == len(sents) || id == "" || sents[i+1].Doc() != id) {
			pred = append(pred, r.Document(words, nil)...)
			words = nil
		}
	}
	return eval.ScoreEntities(gold, pred)
}
