package main

import (
	"time"

	"dyad"
	"dyad/coder"
	"dyad/eval"
	"dyad/extract"
	"dyad/lexicon"
	"dyad/source"
)

// codeText analyzes one text with the embedded lexicon and models and codes
// its events: what "dyad eval events" scores. Each text gets a fresh
// analyzer, so that people learnt from one gold record do not help the
// next and the score does not depend on the order of the records.
var codeText eval.CodeFunc = func(text string, date time.Time) ([]dyad.Event, error) {
	lex := lexicon.Default()
	an, err := extract.New(lex).Analyze(dyad.Article{ID: source.ArticleID(text), Text: text, Published: date})
	if err != nil {
		return nil, err
	}
	if err := coder.New(lex).Code(an); err != nil {
		return nil, err
	}
	return an.Events, nil
}
