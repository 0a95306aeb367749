package eval

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dyad/treebank"
)

func TestNewPRF(t *testing.T) {
	tests := []struct {
		gold, pred, correct int
		want                PRF
	}{
		{4, 2, 1, PRF{Precision: 0.5, Recall: 0.25, F1: 1.0 / 3, Gold: 4, Pred: 2, Correct: 1}},
		{0, 0, 0, PRF{}},
		{2, 0, 0, PRF{Gold: 2}},
	}
	for _, tt := range tests {
		if got := NewPRF(tt.gold, tt.pred, tt.correct); got != tt.want {
			t.Errorf("NewPRF(%d, %d, %d) = %+v, want %+v", tt.gold, tt.pred, tt.correct, got, tt.want)
		}
	}
}

func TestScoreEntities(t *testing.T) {
	per := func(s, e int) treebank.Entity { return treebank.Entity{Start: s, End: e, Type: "PER"} }
	loc := func(s, e int) treebank.Entity { return treebank.Entity{Start: s, End: e, Type: "LOC"} }
	gold := [][]treebank.Entity{{per(0, 2), loc(3, 4)}, {loc(0, 1)}, nil}
	pred := [][]treebank.Entity{
		{per(0, 1), loc(3, 4)}, // wrong span, right
		{per(0, 1)},            // wrong type
		{loc(2, 3)},            // spurious
	}
	got := ScoreEntities(gold, pred)
	want := NER{
		PRF: NewPRF(3, 4, 1),
		ByType: map[string]PRF{
			"PER": NewPRF(1, 2, 0),
			"LOC": NewPRF(2, 2, 1),
		},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Error(d)
	}
}

func TestMatchTokens(t *testing.T) {
	tests := []struct {
		text       string
		gold, pred []string
		correct    int
	}{
		{"Don't go.", []string{"Do", "n't", "go", "."}, []string{"Do", "n't", "go", "."}, 4},
		{"Don't go.", []string{"Do", "n't", "go", "."}, []string{"Don't", "go."}, 0},
		{"U.S. aid", []string{"U.S.", "aid"}, []string{"U.S", ".", "aid"}, 1},
		{"a  b", []string{"a", "b"}, []string{"a", "x", "b"}, 2}, // "x" is not in the text
	}
	for _, tt := range tests {
		g, p, c := matchTokens(tt.text, tt.gold, tt.pred)
		if g != len(tt.gold) || p != len(tt.pred) || c != tt.correct {
			t.Errorf("%q %q: got %d %d %d, want correct %d", tt.text, tt.pred, g, p, c, tt.correct)
		}
	}
}

func TestEvaluateNLP(t *testing.T) {
	tok := func(id int, form, upos, xpos string, head int, rel string) treebank.Token {
		return treebank.Token{ID: id, Form: form, UPOS: upos, XPOS: xpos, Head: head, Deprel: rel}
	}
	gold := []treebank.Sentence{{
		Text: "Kim left.",
		Tokens: []treebank.Token{
			tok(1, "Kim", "PROPN", "NNP", 2, "nsubj"),
			tok(2, "left", "VERB", "VBD", 0, "root"),
			tok(3, ".", "PUNCT", ".", 2, "punct"),
		},
		Entities:    []treebank.Entity{{Start: 0, End: 1, Type: "PER"}},
		HasEntities: true,
	}, {
		Tokens: []treebank.Token{
			tok(1, "Go", "VERB", "VB", 0, "root"),
			tok(2, "home", "ADV", "RB", 1, "obl:npmod"),
		},
	}}
	var parsedWith []string
	m := Models{
		Tokenize: strings.Fields, // "Kim" right, "left." wrong
		Tag: func(words []string) (upos, xpos []string) {
			// right for the first sentence but "left"; wrong for the second
			upos = []string{"PROPN", "NOUN", "PUNCT"}[:len(words)]
			xpos = []string{"NNP", "VBD", "."}[:len(words)]
			return
		},
		Parse: func(words, upos, xpos []string) ([]int, []string) {
			parsedWith = append(parsedWith, upos...)
			if len(words) == 3 {
				return []int{2, 0, 1}, []string{"nsubj", "root", "punct"} // "." head wrong
			}
			return []int{0, 1}, []string{"root", "obl"} // subtype ignored
		},
		Entities: func(words, upos []string) []treebank.Entity {
			return []treebank.Entity{{Start: 0, End: 1, Type: "PER"}}
		},
	}
	got := EvaluateNLP(gold, m)
	want := NLP{
		Sentences: 2, Words: 5,
		Tokens: NewPRF(3, 2, 1).F1,
		UPOS:   2.0 / 5, XPOS: 3.0 / 5,
		UAS: 4.0 / 5, LAS: 4.0 / 5,
		NER: &NER{PRF: NewPRF(1, 1, 1), ByType: map[string]PRF{"PER": NewPRF(1, 1, 1)}},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Error(d)
	}
	if d := cmp.Diff([]string{"PROPN", "NOUN", "PUNCT", "PROPN", "NOUN"}, parsedWith); d != "" {
		t.Errorf("parser did not get the predicted tags: %s", d)
	}
	// Without a tagger the parser gets the gold tags; without entity
	// annotation there is no NER score.
	parsedWith = nil
	got = EvaluateNLP(gold[1:], Models{Parse: m.Parse})
	if got.UPOS != 0 || got.NER != nil || got.UAS != 1 {
		t.Errorf("got %+v", got)
	}
	if d := cmp.Diff([]string{"VERB", "ADV"}, parsedWith); d != "" {
		t.Errorf("parser did not get the gold tags: %s", d)
	}
}

// TestEvaluateNLPDocument checks that Models.Document gets the sentences
// that annotate entities a document at a time, in order.
func TestEvaluateNLPDocument(t *testing.T) {
	sent := func(id, word string, ents bool) treebank.Sentence {
		s := treebank.Sentence{ID: id, Tokens: []treebank.Token{{ID: 1, Form: word, UPOS: "PROPN", Head: -1}}, HasEntities: ents}
		if ents {
			s.Entities = []treebank.Entity{{Start: 0, End: 1, Type: "LOC"}}
		}
		return s
	}
	gold := []treebank.Sentence{
		sent("a-1", "Coron", true), sent("a-2", "x", false), sent("a-3", "Busuanga", true),
		sent("b-1", "Baku", true), sent("file:7", "Kim", true), sent("file:8", "Lee", true),
	}
	var docs [][]string
	m := Models{Document: func(words, upos [][]string) [][]treebank.Entity {
		var doc []string
		out := make([][]treebank.Entity, len(words))
		for i, w := range words {
			doc = append(doc, w[0]+"/"+upos[i][0])
			if w[0] != "Kim" {
				out[i] = []treebank.Entity{{Start: 0, End: 1, Type: "LOC"}}
			}
		}
		docs = append(docs, doc)
		return out
	}}
	got := EvaluateNLP(gold, m)
	want := [][]string{{"Coron/PROPN", "Busuanga/PROPN"}, {"Baku/PROPN"}, {"Kim/PROPN"}, {"Lee/PROPN"}}
	if d := cmp.Diff(want, docs); d != "" {
		t.Errorf("documents: %s", d)
	}
	if got.NER == nil || got.NER.PRF != NewPRF(5, 4, 4) {
		t.Errorf("NER %+v, want 4 of 5 found", got.NER)
	}
}
