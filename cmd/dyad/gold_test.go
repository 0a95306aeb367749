package main

import (
	"testing"

	"dyad/eval"
	"dyad/internal/shared"
	"dyad/treebank"
)

// TestGUMDevFloors scores the embedded models together, as "dyad eval nlp"
// does, on GUM dev. The floors sit about a point under the measured
// scores so that a regression fails; raise them when the models improve.
func TestGUMDevFloors(t *testing.T) {
	gold, err := treebank.ReadFiles(shared.Path(t, "corpora/gum/dev"))
	if err != nil {
		t.Fatal(err)
	}
	r := eval.EvaluateNLP(gold, defaultModels())
	if r.NER == nil {
		t.Fatal("no NER score: GUM dev read without entities")
	}
	t.Logf("tokens %.4f upos %.4f xpos %.4f uas %.4f las %.4f ner %.4f", r.Tokens, r.UPOS, r.XPOS, r.UAS, r.LAS, r.NER.F1)
	for _, m := range []struct {
		name       string
		got, floor float64
	}{
		{"tokens", r.Tokens, 0.985},
		{"upos", r.UPOS, 0.953},
		{"xpos", r.XPOS, 0.952},
		{"uas", r.UAS, 0.805},
		{"las", r.LAS, 0.767},
		{"ner f1", r.NER.F1, 0.63},
	} {
		if m.got < m.floor {
			t.Errorf("%s %.4f < floor %.2f", m.name, m.got, m.floor)
		}
	}
}
