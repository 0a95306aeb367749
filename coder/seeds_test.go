package coder_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"dyad"
	"dyad/internal/shared"
	"dyad/source"
)

// codeSeed reads, analyzes and codes a seed article from ../shared/seeds,
// published on Tuesday 27 January 2026.
func codeSeed(t *testing.T, name string) *dyad.Analysis {
	t.Helper()
	path := shared.Path(t, "seeds/"+name)
	var arts []dyad.Article
	opts := source.Options{Published: time.Date(2026, 1, 27, 0, 0, 0, 0, time.UTC)}
	source.Read(context.Background(), path, opts, func(it source.Item) {
		if it.Err != nil {
			t.Fatalf("read: %v", it)
		}
		arts = append(arts, it.Article)
	})
	if len(arts) != 1 {
		t.Fatalf("read %d articles from %s, want 1", len(arts), name)
	}
	return codeArticle(t, arts[0])
}

// seedEvent is an event the issue asks for: who to whom (actor IDs or
// country codes), a CAMEO code prefix, and words of its evidence.
type seedEvent struct {
	what            string
	source, target  string // actor ID, or country code
	cameo, evidence string
	date, plover    string // checked when set
}

func (w seedEvent) matches(e dyad.Event) bool {
	side := func(a dyad.EventActor, want string) bool { return a.Actor == want || a.Country == want }
	return side(e.Source, w.source) && side(e.Target, w.target) && strings.HasPrefix(e.CAMEO, w.cameo) &&
		strings.Contains(e.Evidence, w.evidence) && (w.date == "" || e.Date == w.date) &&
		(w.plover == "" || e.PLOVER.Type == w.plover)
}

func TestSeeds(t *testing.T) {
	tests := []struct {
		seed string
		want []seedEvent
	}{
		{"002_b4648b3c5ff1343d.txt", []seedEvent{
			{what: "Israel visits Azerbaijan on Monday", source: "ISR", target: "AZE", cameo: "042",
				evidence: "travelled to Baku", date: "2026-01-26", plover: "CONSULT"},
			{what: "Sa'ar meets Aliyev", source: "gideon-saar", target: "ilham-aliyev", cameo: "04", evidence: "meeting with Azerbaijani President Ilham Aliyev"},
			{what: "Sa'ar praises Aliyev", source: "gideon-saar", target: "ilham-aliyev", cameo: "051", evidence: "visionary leader"},
			{what: "Israel intends to cooperate with Azerbaijan", source: "ISR", target: "AZE", cameo: "03", evidence: "partnership"},
		}},
		{"000_e5365f8cfdf414ed.txt", []seedEvent{
			{what: "Saar meets Aliyev", source: "gideon-saar", target: "ilham-aliyev", cameo: "04", evidence: "met with President Ilham Aliyev"},
			{what: "Saar holds talks with Bayramov", source: "gideon-saar", target: "jeyhun-bayramov", cameo: "04", evidence: "held talks with"},
		}},
	}
	for _, tt := range tests {
		an := codeSeed(t, tt.seed)
		for _, w := range tt.want {
			found := false
			for _, e := range an.Events {
				found = found || w.matches(e)
			}
			if !found {
				t.Errorf("%s: no event for %q (%s>%s %s…)", tt.seed, w.what, w.source, w.target, w.cameo)
			}
		}
		if t.Failed() {
			for _, e := range an.Events {
				t.Logf("%s %s(%s)>%s(%s) %s %q", e.Date, e.Source.Actor, e.Source.Code, e.Target.Actor, e.Target.Code, e.CAMEO, e.Evidence)
			}
		}
	}
}
