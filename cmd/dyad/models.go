package main

import (
	"dyad/eval"
	"dyad/ner"
	"dyad/text"
	"dyad/treebank"
)

// defaultModels returns dyad's embedded models, as analysis runs them:
// text.Tokenize, the default tagger and parser, and the default entity
// recognizer. Each model is loaded on its first call.
func defaultModels() eval.Models {
	return eval.Models{
		Tokenize: func(s string) []string {
			toks := text.Tokenize(s)
			out := make([]string, len(toks))
			for i, t := range toks {
				out[i] = t.Text
			}
			return out
		},
		Tag: func(words []string) (upos, xpos []string) {
			return text.DefaultTagger().Tag(words)
		},
		Parse: func(words, upos, xpos []string) ([]int, []string) {
			return text.DefaultParser().Parse(words, upos, xpos)
		},
		Entities: func(words, upos []string) []treebank.Entity {
			return ner.Default().Recognize(words, upos)
		},
		Document: func(words, upos [][]string) [][]treebank.Entity {
			return ner.Default().Document(words, upos)
		},
	}
}
