package extract_test

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

// analyzeSeed reads and analyzes a seed article from ../shared/seeds.
func analyzeSeed(t *testing.T, name string, published time.Time) *dyad.Analysis {
	t.Helper()
	path := shared.Path(t, "seeds/"+name)
	var arts []dyad.Article
	source.Read(context.Background(), path, source.Options{Published: published}, func(it source.Item) {
		if it.Err != nil {
			t.Fatalf("read: %v", it)
		}
		arts = append(arts, it.Article)
	})
	if len(arts) != 1 {
		t.Fatalf("read %d articles from %s, want 1", len(arts), name)
	}
	an, err := extract.New(lexicon.Default()).Analyze(arts[0])
	if err != nil {
		t.Fatal(err)
	}
	checkSpans(t, an)
	return an
}

// checkSpans asserts that every item's text is the bytes its span names.
func checkSpans(t *testing.T, an *dyad.Analysis) {
	t.Helper()
	if err := an.CheckSpans(); err != nil {
		t.Error(err)
	}
}

func findQuote(an *dyad.Analysis, prefix string) (dyad.Quote, bool) {
	for _, q := range an.Quotes {
		if strings.HasPrefix(q.Text, prefix) {
			return q, true
		}
	}
	return dyad.Quote{}, false
}

func findFigure(an *dyad.Analysis, unit string, value float64) (dyad.Figure, bool) {
	for _, f := range an.Figures {
		if f.Unit == unit && f.Value == value {
			return f, true
		}
	}
	return dyad.Figure{}, false
}

func hasActor(an *dyad.Analysis, id string) bool {
	return slices.ContainsFunc(an.Actors, func(a dyad.Actor) bool { return a.ID == id })
}

func TestSeed002(t *testing.T) {
	an := analyzeSeed(t, "002_b4648b3c5ff1343d.txt", time.Date(2026, 1, 27, 0, 0, 0, 0, time.UTC))

	if f, ok := findFigure(an, "USD", 360000000); !ok {
		t.Errorf("no USD figure of 360000000 in %+v", an.Figures)
	} else {
		if f.Quantity != "trade" || f.Period != "2025" || f.Qualifier != "over" {
			t.Errorf("$360 million: quantity %q period %q qualifier %q, want trade, 2025, over", f.Quantity, f.Period, f.Qualifier)
		}
		if !slices.Contains(f.Actors, "ISR") || !slices.Contains(f.Actors, "AZE") {
			t.Errorf("$360 million: actors %v, want ISR and AZE", f.Actors)
		}
	}
	if f, ok := findFigure(an, "flights", 20); !ok {
		t.Errorf("no figure of 20 flights in %+v", an.Figures)
	} else if f.Quantity != "weekly flights" {
		t.Errorf("20 flights: quantity %q", f.Quantity)
	}
	if f, ok := findFigure(an, "tourists", 60000); !ok || f.Period != "2025" {
		t.Errorf("60,000 tourists in 2025: got %+v (found %v)", f, ok)
	}
	if f, ok := findFigure(an, "%", 10); !ok || f.Quantity != "stake" {
		t.Errorf("10 percent stake: got %+v (found %v)", f, ok)
	}

	q, ok := findQuote(an, "Our joint goal is to strengthen partnerships")
	if !ok {
		t.Fatalf("quote “Our joint goal…” not found in %d quotes", len(an.Quotes))
	}
	if q.Speaker.Name != "Gideon Sa'ar" || q.Speaker.Code != "ISRGOV" || !q.Direct {
		t.Errorf("“Our joint goal…”: speaker %+v direct %v, want Gideon Sa'ar ISRGOV", q.Speaker, q.Direct)
	}
	if q, ok := findQuote(an, "Israel and Azerbaijan are pillars of stability"); !ok || q.Speaker.Actor != "gideon-saar" || q.Cue != "wrote on X" {
		t.Errorf("“pillars of stability”: got %+v (found %v), want Sa'ar, wrote on X", q, ok)
	}
	if q, ok := findQuote(an, "a visionary leader"); !ok || q.Speaker.Actor != "gideon-saar" {
		t.Errorf("“a visionary leader”: got %+v (found %v), want Sa'ar", q, ok)
	}

	telAviv := slices.IndexFunc(an.Mentions, func(m dyad.Mention) bool { return m.Text == "Tel Aviv" })
	if telAviv < 0 || an.Mentions[telAviv].Actor != "ISRGOV" || an.Mentions[telAviv].Role != dyad.RoleAgent {
		t.Errorf("Tel Aviv is seeking: want agent ISRGOV, got %+v", an.Mentions[max(telAviv, 0)])
	}
	inBaku := slices.IndexFunc(an.Mentions, func(m dyad.Mention) bool {
		return m.Text == "Baku" && an.Article.Text[m.Start-3:m.Start] == "in "
	})
	if inBaku < 0 || an.Mentions[inBaku].Role != dyad.RolePlace || an.Mentions[inBaku].Actor != "AZE" {
		t.Errorf("in Baku: want place AZE, got %+v", an.Mentions[max(inBaku, 0)])
	}
	for _, id := range []string{"IRN", "TUR", "ISR", "AZE", "gideon-saar", "ilham-aliyev", "jeyhun-bayramov", "mikayil-jabbarov"} {
		if !hasActor(an, id) {
			t.Errorf("actor %s not found", id)
		}
	}
	for _, a := range an.Actors {
		if a.ID == "mikayil-jabbarov" && (a.Code != "AZEGOV" || a.Role != "economy minister") {
			t.Errorf("Jabbarov: %+v, want AZEGOV economy minister", a)
		}
	}
	if !slices.ContainsFunc(an.Dates, func(d dyad.Date) bool { return d.Text == "Monday" && d.Value == "2026-01-26" }) {
		t.Errorf("“on Monday” should resolve to 2026-01-26: %+v", an.Dates)
	}
	for _, theme := range []string{"ENERGY", "DEFENCE", "AGRICULTURE", "TOURISM", "TECHNOLOGY", "WATER"} {
		if !slices.ContainsFunc(an.Themes, func(th dyad.Theme) bool { return th.Name == theme }) {
			t.Errorf("theme %s not found in %+v", theme, an.Themes)
		}
	}
}

func TestSeed000(t *testing.T) {
	an := analyzeSeed(t, "000_e5365f8cfdf414ed.txt", time.Time{})

	q, ok := findQuote(an, "During our talks")
	if !ok || q.Speaker.Name != "Jeyhun Bayramov" || q.Speaker.Code != "AZEGOV" {
		t.Errorf("Bayramov's quote: got %+v (found %v)", q.Speaker, ok)
	}
	q, ok = findQuote(an, "When we were in trouble")
	if !ok || q.Speaker.Name != "Ilham Aliyev" || q.Speaker.Code != "AZEGOV" {
		t.Errorf("Aliyev's quote: got %+v (found %v)", q.Speaker, ok)
	}
	if q, ok := findQuote(an, "pillars of stability"); !ok || q.Speaker.Actor != "gideon-saar" {
		t.Errorf("“pillars of stability”: got %+v (found %v), want Saar", q, ok)
	}
	if !slices.ContainsFunc(an.Mentions, func(m dyad.Mention) bool { return m.Text == "Türkiye" && m.Actor == "TUR" }) {
		t.Errorf("Türkiye should resolve to TUR")
	}
	if !slices.ContainsFunc(an.Mentions, func(m dyad.Mention) bool { return m.Text == "Saar" && m.Actor == "gideon-saar" }) {
		t.Errorf("the short form Saar should resolve to gideon-saar")
	}
	for _, a := range an.Actors {
		if a.ID == "ilham-aliyev" && a.Code != "AZEGOV" {
			t.Errorf("Aliyev, introduced as “President Ilham Aliyev” in Baku: code %q, want AZEGOV", a.Code)
		}
		if a.ID == "donald-trump" && a.Code != "USAGOV" {
			t.Errorf("Trump: code %q, want USAGOV", a.Code)
		}
	}
	for _, d := range an.Dates {
		if d.Value == "" {
			t.Errorf("date %q without value: relative dates need a publication date", d.Text)
		}
	}
}
