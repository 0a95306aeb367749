package ner

import (
	"fmt"
	"sync"

	"dyad/internal/perceptron"
	"dyad/text"
	"dyad/treebank"
)

// tagFolds is the number of folds of jackknifeTags.
const tagFolds = 5

// jackknifeTags returns parts of speech for the words of sents as a tagger
// would give them on text it was not trained on. The default tagger was
// trained on GUM train and EWT, the recognizer's own training data, and
// tags them nearly perfectly; a recognizer trained on those tags learns to
// trust them more than it should on new text, where a place opening a
// sentence may come out a noun ("Athens hosted ..."). So the sentences with
// gold parts of speech are cut into tagFolds blocks, in order, so that a
// block holds whole documents; each block is tagged by a tagger trained on
// the others, and the sentences without gold parts of speech (IOB2) by one
// of those taggers in turn. With fewer tagged sentences than folds, the
// default tagger tags everything.
func jackknifeTags(sents []treebank.Sentence, seed int64) ([][]string, error) {
	var tagged []int
	for i, s := range sents {
		if hasTags(s) {
			tagged = append(tagged, i)
		}
	}
	upos := make([][]string, len(sents))
	if len(tagged) < tagFolds {
		for i, s := range sents {
			upos[i], _ = text.DefaultTagger().Tag(s.Words())
		}
		return upos, nil
	}
	fold := make([]int, len(sents)) // fold of each sentence; its tagger did not see it
	for k, i := range tagged {
		fold[i] = k * tagFolds / len(tagged)
	}
	for i, u := 0, 0; i < len(sents); i++ {
		if !hasTags(sents[i]) {
			fold[i] = u % tagFolds
			u++
		}
	}
	var (
		wg   sync.WaitGroup
		errs [tagFolds]error
	)
	for f := range tagFolds {
		wg.Go(func() {
			var train []treebank.Sentence
			for _, i := range tagged {
				if fold[i] != f {
					train = append(train, sents[i])
				}
			}
			tg, err := text.TrainTagger(train, nil, perceptron.Options{Seed: seed})
			if err != nil {
				errs[f] = fmt.Errorf("ner: tagger for fold %d: %w", f, err)
				return
			}
			for i, s := range sents {
				if fold[i] == f {
					upos[i], _ = tg.Tag(s.Words())
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return upos, nil
}

// hasTags reports whether every token of s has a gold part of speech.
func hasTags(s treebank.Sentence) bool {
	for _, t := range s.Tokens {
		if t.UPOS == "" {
			return false
		}
	}
	return len(s.Tokens) > 0
}
