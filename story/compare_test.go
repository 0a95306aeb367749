package story

import (
	"testing"

	"dyad"
)

func fig(value float64, unit, qualifier, quantity, period string) dyad.Figure {
	return dyad.Figure{Value: value, Unit: unit, Qualifier: qualifier, Quantity: quantity, Period: period}
}

func quote(speaker, text string) dyad.Quote {
	return dyad.Quote{Text: text, Direct: true, Speaker: dyad.Speaker{Name: speaker, Actor: speaker}}
}

// outlet builds an analysis of one outlet with distinct text.
func outlet(id, name string) *dyad.Analysis {
	return &dyad.Analysis{Article: dyad.Article{ID: id, Outlet: name, Text: "Text of " + id + " by " + name + " about the visit."}}
}

func TestFigureAlignment(t *testing.T) {
	tests := []struct {
		name string
		a, b dyad.Figure
		want string // outcome of the first alignment
		n    int    // alignments
	}{
		{"same value", fig(5e9, "USD", "", "trade", "2030"), fig(5e9, "USD", "", "", "2030"), dyad.Agree, 1},
		{"about covers a rounded value", fig(2.4e9, "USD", "about", "trade", "2025"), fig(2.5e9, "USD", "", "trade", "2025"), dyad.Agree, 1},
		{"over $360 million against $400 million", fig(360e6, "USD", "over", "trade", "2025"), fig(400e6, "USD", "", "trade", "2025"), dyad.Conflict, 1},
		{"at least 12 against at least 15", fig(12, "people", "at least", "people", "2026-06-13"), fig(15, "people", "at least", "people", "2026-06-14"), dyad.Conflict, 1},
		{"up to 30% against 21.3%", fig(30, "%", "up to", "duty", ""), fig(21.3, "%", "", "duty", ""), dyad.Conflict, 1},
		{"other unit", fig(14, "flights", "", "flights", "2025"), fig(14, "tourists", "", "tourists", "2025"), dyad.Only, 2},
		{"other period", fig(3e9, "USD", "", "trade", "2024"), fig(3.5e9, "USD", "", "trade", "2025"), dyad.Only, 2},
		{"other quantity", fig(3e9, "USD", "", "trade", ""), fig(3e9, "USD", "", "investment", ""), dyad.Only, 2},
		{"nothing to align on", fig(800e6, "USD", "up to", "", ""), fig(800e6, "USD", "", "", ""), dyad.Only, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, y := outlet("x", "X"), outlet("y", "Y")
			x.Figures, y.Figures = []dyad.Figure{tt.a}, []dyad.Figure{tt.b}
			c := Compare("x", []*dyad.Analysis{x, y})
			if len(c.Figures) != tt.n || c.Figures[0].Outcome != tt.want {
				t.Errorf("got %d alignments, first %q; want %d, %q", len(c.Figures), c.Figures[0].Outcome, tt.n, tt.want)
			}
		})
	}
}

// TestFigureClosestFirst: an outlet's unrelated figure of the same unit
// does not take the place of its matching one.
func TestFigureClosestFirst(t *testing.T) {
	x, y := outlet("x", "X"), outlet("y", "Y")
	x.Figures = []dyad.Figure{fig(21.3, "%", "", "", "2026-10-22")}
	y.Figures = []dyad.Figure{fig(4, "%", "as much as", "", "2026-10-23"), fig(21.3, "%", "", "", "2026-10-23")}
	c := Compare("x", []*dyad.Analysis{x, y})
	if len(c.Figures) != 2 || c.Figures[0].Outcome != dyad.Agree || c.Figures[0].Claims[1].Value != 21.3 || c.Figures[1].Outcome != dyad.Only {
		t.Errorf("alignments %+v", c.Figures)
	}
}

func TestQuoteAlignment(t *testing.T) {
	full := "Our two countries stand at opposite ends of Asia. These agreements are a beginning, not a ceremony."
	tests := []struct {
		name string
		a, b dyad.Quote
		want string
		n    int
	}{
		{"same words", quote("karaca", full), quote("karaca", "our two countries stand at opposite ends of Asia — these agreements are a beginning, not a ceremony"), dyad.Same, 1},
		{"a fragment", quote("karaca", full), quote("karaca", "a beginning, not a ceremony"), dyad.Partial, 1},
		{"in other words", quote("karaca", "These agreements are a beginning, not a ceremony"), quote("karaca", "the agreements were meant as a starting point rather than a formality"), dyad.Paraphrase, 1},
		{"different speakers", quote("karaca", full), quote("tekin", full), dyad.Only, 2},
		{"different things said", quote("karaca", full), quote("karaca", "Expert teams will meet before the summer"), dyad.Only, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, y := outlet("x", "X"), outlet("y", "Y")
			x.Quotes, y.Quotes = []dyad.Quote{tt.a}, []dyad.Quote{tt.b}
			c := Compare("x", []*dyad.Analysis{x, y})
			if len(c.Quotes) != tt.n || c.Quotes[0].Outcome != tt.want {
				t.Errorf("got %d alignments, first %q; want %d, %q", len(c.Quotes), c.Quotes[0].Outcome, tt.n, tt.want)
			}
		})
	}
}

func TestActorsEventsAndVoices(t *testing.T) {
	x, y, z := outlet("x", "X"), outlet("y", "Y"), outlet("z", "X") // z: X again
	copyOfX := &dyad.Analysis{Article: dyad.Article{ID: "w", Outlet: "W", Text: x.Article.Text}}
	ev := dyad.Event{Source: dyad.EventActor{Code: "TUR"}, Target: dyad.EventActor{Code: "IDN"}, Root: "05"}
	x.Actors = []dyad.Actor{{ID: "TUR", Code: "TUR"}, {ID: "IRN", Code: "IRN"}}
	y.Actors = []dyad.Actor{{ID: "TUR", Code: "TUR"}}
	x.Events, y.Events = []dyad.Event{ev}, []dyad.Event{ev, {Source: dyad.EventActor{Code: "IDN"}, Root: "01"}}
	x.Tones = []dyad.ActorTone{{Actor: "TUR", Sentences: 1, Tone: dyad.Tone{Positive: 2, Words: 10}}}
	z.Tones = []dyad.ActorTone{{Actor: "TUR", Sentences: 1, Tone: dyad.Tone{Negative: 1, Words: 10}}}
	c := Compare("x", []*dyad.Analysis{x, y, z, copyOfX})
	if len(c.Voices) != 2 || len(c.Voices[0].Articles) != 3 || len(c.Voices[0].Outlets) != 2 {
		t.Fatalf("voices %+v; want X with its copy in W, and Y", c.Voices)
	}
	if tn := c.Voices[0].Tones; len(tn) != 1 || tn[0].Score != 5 || tn[0].Sentences != 2 {
		t.Errorf("tones of X %+v, want one toward TUR scoring (2-1)/20 = 5 per 100 words", tn)
	}
	want := map[string]string{"TUR": dyad.Shared, "IRN": dyad.Only}
	for _, al := range c.Actors {
		if al.Outcome != want[al.Actor] {
			t.Errorf("actor %s: %s, want %s", al.Actor, al.Outcome, want[al.Actor])
		}
	}
	if len(c.Events) != 2 || c.Events[0].Outcome != dyad.Shared || c.Events[1].Outcome != dyad.Only || c.Events[1].Voices[0] != 1 {
		t.Errorf("events %+v; want TUR>IDN shared and IDN:01 only in Y", c.Events)
	}
}

func TestSummarize(t *testing.T) {
	a, b, c := outlet("a", "X"), outlet("b", "Y"), outlet("c", "Z")
	a.Article.Title, b.Article.Title, c.Article.Title = "Quake", "Chile quake kills dozens", "Markets"
	a.Article.Text, b.Article.Text, c.Article.Text = quake1, quake1, quake3
	a.Article.Published, c.Article.Published = day0, day0.AddDate(0, 0, 2)
	ev := dyad.Event{Source: dyad.EventActor{Code: "CHL"}, Target: dyad.EventActor{Code: "CHL"}, Root: "02"}
	a.Events, b.Events, c.Events = []dyad.Event{ev}, []dyad.Event{ev}, []dyad.Event{ev, ev}
	a.Actors, c.Actors = []dyad.Actor{{ID: "CHL", Code: "CHL"}}, []dyad.Actor{{ID: "CHL", Code: "CHL"}, {ID: "PER", Code: "PER"}}
	s := Summarize("a", []*dyad.Analysis{a, b, c})
	if s.Central != "a" || s.Headline != "Quake" {
		t.Errorf("central %s %q, want a (its copy b ties, a comes first)", s.Central, s.Headline)
	}
	if !s.First.Equal(day0) || !s.Last.Equal(day0.AddDate(0, 0, 2)) || len(s.Outlets) != 3 {
		t.Errorf("span %v-%v, outlets %v", s.First, s.Last, s.Outlets)
	}
	if len(s.Duplicates) != 1 || len(s.Duplicates[0]) != 2 {
		t.Errorf("duplicates %v, want [[a b]]", s.Duplicates)
	}
	if len(s.Events) != 1 || s.Events[0].Articles != 3 || s.Events[0].Outlets != 3 {
		t.Errorf("events %+v, want one in 3 articles from 3 outlets", s.Events)
	}
	if len(s.Actors) != 2 || s.Actors[0].Actor != "CHL" || s.Actors[0].Articles != 2 {
		t.Errorf("actors %+v, want CHL first in 2 articles", s.Actors)
	}
}
