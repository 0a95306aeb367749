package storetest

import (
	"testing"

	"dyad"
)

// TestCorpus checks that every span of the test analyses points at the
// text it claims, so that a round trip compares real provenance.
func TestCorpus(t *testing.T) {
	a1, a2, a3 := corpus()
	for _, a := range []*dyad.Analysis{a1, a2, a3, Sample(0), Sample(12345), StorySample(0), StorySample(12345)} {
		if err := a.CheckSpans(); err != nil {
			t.Error(err)
		}
		for _, q := range a.Quotes {
			if sp := q.Speaker.Span; a.Article.Text[sp.Start:sp.End] != q.Speaker.Name {
				t.Errorf("%s: speaker span %v does not hold %q", a.Article.ID, sp, q.Speaker.Name)
			}
		}
	}
	for name, s := range map[string]*dyad.Analysis{"Sample": Sample(0), "StorySample": StorySample(12345)} {
		if len(s.Mentions) != 20 || len(s.Quotes) != 3 || len(s.Figures) != 3 || len(s.Events) != 2 {
			t.Errorf("%s has %d mentions, %d quotes, %d figures, %d events; want 20, 3, 3, 2",
				name, len(s.Mentions), len(s.Quotes), len(s.Figures), len(s.Events))
		}
	}
}
