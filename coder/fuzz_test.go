package coder_test

import (
	"testing"
	"time"

	"dyad"
	"dyad/coder"
	"dyad/demo"
	"dyad/extract"
)

// FuzzCode codes whatever the analyzer makes of any text: no panic, and
// every event's evidence is the bytes its span points at.
func FuzzCode(f *testing.F) {
	for _, text := range demo.Texts() {
		f.Add(text)
	}
	f.Add("Kenya demanded that Uganda withdraw its troops and pay compensation to Tanzania.")
	f.Add("Kenyan police arrested two Ugandans for helping rebels in Somalia, if not.")
	f.Add("Ten Kenyan soldiers were killed in Somalia, a member jailed by.")
	a, c := extract.New(lex), coder.New(lex)
	pub := time.Date(2026, 1, 27, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string) {
		an, err := a.Analyze(dyad.Article{Text: text, Published: pub})
		if err != nil {
			return
		}
		if err := c.Code(an); err != nil {
			t.Fatal(err)
		}
		for _, e := range an.Events {
			if e.Span.Start < 0 || e.Span.End > len(text) || e.Span.Start > e.Span.End || text[e.Span.Start:e.Span.End] != e.Evidence {
				t.Errorf("event %s: span %d-%d does not hold its evidence", e.Key(), e.Span.Start, e.Span.End)
			}
		}
	})
}
