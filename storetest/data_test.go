package storetest

import (
	"testing"

	"dyad"
)

// TestCorpus checks that every span of the test analyses points at the
// text it claims, so that a round trip compares real provenance.
func TestCorpus(t *testing.T) {
	a1, a2, a3 := corpus()
	for _, a := range []*dyad.Analysis{a1, a2, a3, Sample(0), Sample(12345)} {
		text := a.Article.Text
		check := func(what string, sp dyad.Span, want string) {
			t.Helper()
			if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End || text[sp.Start:sp.End] != want {
				t.Errorf("%s: %s span %v does not hold %q", a.Article.ID, what, sp, want)
			}
		}
		for _, m := range a.Mentions {
			check("mention", m.Span, m.Text)
		}
		for _, q := range a.Quotes {
			check("quote", q.Span, q.Text)
			check("speaker", q.Speaker.Span, q.Speaker.Name)
		}
		for _, f := range a.Figures {
			check("figure", f.Span, f.Text)
		}
		for _, d := range a.Dates {
			check("date", d.Span, d.Text)
		}
		for _, e := range a.Events {
			check("event", e.Span, e.Evidence)
		}
	}
	if s := Sample(0); len(s.Mentions) != 20 || len(s.Quotes) != 3 || len(s.Figures) != 3 || len(s.Events) != 2 {
		t.Errorf("Sample has %d mentions, %d quotes, %d figures, %d events; want 20, 3, 3, 2",
			len(s.Mentions), len(s.Quotes), len(s.Figures), len(s.Events))
	}
}
