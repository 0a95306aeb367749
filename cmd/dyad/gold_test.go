package main

import (
	"io"
	"os"
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
		{"upos", r.UPOS, 0.955},
		{"xpos", r.XPOS, 0.953},
		{"uas", r.UAS, 0.82},
		{"las", r.LAS, 0.785},
		{"ner f1", r.NER.F1, 0.84},
	} {
		if m.got < m.floor {
			t.Errorf("%s %.4f < floor %.2f", m.name, m.got, m.floor)
		}
	}
}

// TestEventsDevFloors scores the analyzer and coder together, as "dyad
// eval events" does, on the PLOVER and PETRARCH-2 dev gold. The floors sit
// about two points under the measured scores (PLOVER type accuracy 0.821,
// F1 0.703; PETRARCH-2 type accuracy 0.776, F1 0.729). (PETRARCH-2's type
// accuracy was 0.816 when "Congress is asking Obama to help Iran" made an
// Iranian congress ask: right types, wrong actors.)
func TestEventsDevFloors(t *testing.T) {
	for _, g := range []struct {
		path               string
		read               func(io.Reader, string) (eval.GoldEvents, error)
		typeFloor, f1Floor float64
	}{
		{"eval/plover/gsr-dev.json", eval.ReadPLOVER, 0.80, 0.68},
		{"eval/petrarch2/PETR2_GSR_validation-dev.xml", eval.ReadPETR, 0.755, 0.705},
	} {
		f, err := os.Open(shared.Path(t, g.path))
		if err != nil {
			t.Fatal(err)
		}
		gold, err := g.read(f, g.path)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		r, err := eval.EvaluateEvents(gold, codeText)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: type accuracy %.4f, P %.4f R %.4f F1 %.4f", g.path, r.TypeAccuracy, r.Precision, r.Recall, r.F1)
		if r.TypeAccuracy < g.typeFloor || r.F1 < g.f1Floor {
			t.Errorf("%s: type accuracy %.4f (floor %.2f), F1 %.4f (floor %.2f)", g.path, r.TypeAccuracy, g.typeFloor, r.F1, g.f1Floor)
		}
	}
}
