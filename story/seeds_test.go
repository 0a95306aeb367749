package story

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"dyad"
	"dyad/extract"
	"dyad/internal/shared"
	"dyad/lexicon"
	"dyad/source"
)

// TestSeeds: the two seed articles, published the same day, form one
// story; the comparison shows what only one of them reports.
func TestSeeds(t *testing.T) {
	a := extract.New(lexicon.Default())
	published := time.Date(2026, 1, 27, 0, 0, 0, 0, time.UTC)
	var ans []*dyad.Analysis
	for _, name := range []string{"000_e5365f8cfdf414ed.txt", "002_b4648b3c5ff1343d.txt"} {
		source.Read(context.Background(), shared.Path(t, "seeds/"+name), source.Options{Published: published}, func(it source.Item) {
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			an, err := a.Analyze(it.Article)
			if err != nil {
				t.Fatal(err)
			}
			ans = append(ans, an)
		})
	}
	c := NewClusterer(DefaultOptions())
	if s0, s2 := c.Add(ans[0]), c.Add(ans[1]); s0 != s2 {
		t.Errorf("the seeds form stories %s and %s, want one", s0, s2)
	}
	cmp := Compare(ans[0].Article.ID, ans)
	if len(cmp.Voices) != 2 {
		t.Fatalf("%d voices, want 2", len(cmp.Voices))
	}
	for _, f := range []struct {
		unit  string
		value float64
	}{{"USD", 360e6}, {"flights", 20}, {"tourists", 60000}} {
		if !slices.ContainsFunc(cmp.Figures, func(al dyad.FigureAlignment) bool {
			return al.Outcome == dyad.Only && al.Claims[0].Voice == 1 && al.Claims[0].Unit == f.unit && al.Claims[0].Value == f.value
		}) {
			t.Errorf("no figure %v %s only in 002", f.value, f.unit)
		}
	}
	// 000 names Türkiye once, in a list of partners, so only Iran is
	// 002's alone.
	for code, voices := range map[string][]int{"IRN": {1}, "TUR": {0, 1}} {
		if !slices.ContainsFunc(cmp.Actors, func(al dyad.ActorAlignment) bool {
			return al.Actor == code && slices.Equal(al.Voices, voices)
		}) {
			t.Errorf("%s is not mentioned by voices %v", code, voices)
		}
	}
	var aliyev, pillars bool
	for _, al := range cmp.Quotes {
		if al.Outcome == dyad.Only && al.Claims[0].Voice == 0 && strings.Contains(al.Speaker, "aliyev") && len(words(al.Claims[0].Text)) > 20 {
			aliyev = true
		}
		if len(al.Claims) == 2 && strings.Contains(al.Speaker, "sa") && strings.Contains(al.Claims[0].Text+al.Claims[1].Text, "pillars of stability") {
			pillars = true
		}
	}
	if !aliyev {
		t.Error("no long Aliyev quote in 000 only")
	}
	if !pillars {
		t.Error(`"pillars of stability" is not attributed to Sa'ar in both`)
	}
	if t.Failed() {
		for _, al := range cmp.Quotes {
			t.Logf("quote %s %s: %v", al.Outcome, al.Speaker, al.Claims)
		}
	}
}
