package story

import (
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"dyad"
)

var day0 = time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)

// art builds an analysis of text published days after day0 (undated when
// days < 0), mentioning actors.
func art(id string, days int, text string, actors ...string) *dyad.Analysis {
	an := &dyad.Analysis{Article: dyad.Article{ID: id, Text: text}}
	if days >= 0 {
		an.Article.Published = day0.AddDate(0, 0, days)
	}
	for _, a := range actors {
		an.Actors = append(an.Actors, dyad.Actor{ID: a, Code: a})
	}
	return an
}

const (
	quake1 = "A strong earthquake struck the coast of Chile near Valparaiso, killing dozens and toppling buildings, rescuers said."
	quake2 = "Rescuers in Valparaiso searched toppled buildings after the earthquake on the Chile coast killed dozens of people."
	quake3 = "Chile counted the dead in Valparaiso as rescuers dug through buildings the earthquake toppled along the coast."
	summit = "European Union leaders met in Brussels to back tariffs on Chinese electric buses after Czechia pushed for duties."
)

func TestClusterer(t *testing.T) {
	tests := []struct {
		name string
		opt  Options
		ans  []*dyad.Analysis
		want []string // story ID per article
	}{
		{"one story and an unrelated article", DefaultOptions(),
			[]*dyad.Analysis{art("a", 0, quake1, "CHL"), art("b", 0, summit, "IGOEUREEC"), art("c", 1, quake2, "CHL"), art("d", 1, quake3, "CHL")},
			[]string{"a", "b", "a", "a"}},
		{"undated articles take the latest date", DefaultOptions(),
			[]*dyad.Analysis{art("a", 0, quake1), art("b", -1, quake2), art("c", -1, quake3)},
			[]string{"a", "a", "a"}},
		{"outside the window starts a new story", DefaultOptions(),
			[]*dyad.Analysis{art("a", 0, quake1), art("b", 10, quake2), art("c", 11, quake3)},
			[]string{"a", "b", "b"}},
		{"a copy joins what it copies, whatever the threshold", Options{Threshold: 2},
			[]*dyad.Analysis{art("a", 0, quake1), art("b", 0, summit), art("c", 1, "UPDATED: "+quake1+" (Reuters)")},
			[]string{"a", "b", "a"}},
		{"an article added twice keeps its story", DefaultOptions(),
			[]*dyad.Analysis{art("a", 0, quake1), art("b", 0, summit), art("a", 0, quake1)},
			[]string{"a", "b", "a"}},
		{"baseline needs cosine 0.4", BaselineOptions(),
			[]*dyad.Analysis{art("a", 0, quake1), art("b", 0, summit), art("c", 0, quake1+" "+quake2)},
			[]string{"a", "b", "a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for run := range 2 { // deterministic: a second clusterer agrees
				c := NewClusterer(tt.opt)
				var got []string
				for _, an := range tt.ans {
					got = append(got, c.Add(an))
				}
				if !slices.Equal(got, tt.want) {
					t.Errorf("run %d: stories %v, want %v", run, got, tt.want)
				}
			}
		})
	}
}

// TestSignals shows that the entity signals decide between two stories the
// text cannot tell apart, with events and without.
func TestSignals(t *testing.T) {
	text := "The minister met his counterpart and signed an agreement on trade and energy."
	ev := func(an *dyad.Analysis, src, tgt string) *dyad.Analysis {
		an.Events = append(an.Events, dyad.Event{Source: dyad.EventActor{Code: src}, Target: dyad.EventActor{Code: tgt}, Root: "05"})
		return an
	}
	for _, withEvents := range []bool{false, true} {
		t.Run(fmt.Sprint("events ", withEvents), func(t *testing.T) {
			ans := []*dyad.Analysis{
				art("a", 0, text, "TUR", "IDN"), art("b", 0, text+" Officials in both capitals later described the talks as frank.", "FRA", "DEU"),
				art("c", 0, text+" The two delegations will meet again before the summer recess.", "TUR", "IDN"),
			}
			if withEvents {
				ev(ans[0], "TUR", "IDN")
				ev(ans[1], "FRA", "DEU")
				ev(ans[2], "TUR", "IDN")
			}
			// Text alone puts b with a (and then c fits neither well); actors
			// (and events) keep a and b apart.
			for _, tc := range []struct {
				weight float64
				want   []string
			}{{0, []string{"a", "a", "c"}}, {0.5, []string{"a", "b", "a"}}} {
				c := NewClusterer(Options{Threshold: 0.6, Weight: tc.weight})
				var got []string
				for _, an := range ans {
					got = append(got, c.Add(an))
				}
				if !slices.Equal(got, tc.want) {
					t.Errorf("weight %v: stories %v, want %v", tc.weight, got, tc.want)
				}
			}
		})
	}
}

// TestExpiry shows that memory stays flat: stories, document frequencies
// and near-duplicate signatures leave with the window.
func TestExpiry(t *testing.T) {
	c := NewClusterer(DefaultOptions())
	c.Add(art("a", 0, quake1))
	c.Add(art("b", 1, summit))
	if n := len(c.Stories()); n != 2 {
		t.Fatalf("%d stories, want 2", n)
	}
	c.Add(art("c", 30, "Floods closed roads across northern Italy as rivers burst their banks."))
	st := c.Stories()
	if len(st) != 1 || st[0].ID != "c" || c.dups.Len() != 1 || c.docs != 1 {
		t.Errorf("after a month: stories %v, %d signatures, %d documents; want only c", st, c.dups.Len(), c.docs)
	}
	if _, ok := c.vocab["valparaiso"]; ok {
		t.Error("document frequency of an expired article is still counted")
	}
}

// TestYears shows the one signal that counts against: the same kind of
// event in texts naming different years is two stories.
func TestYears(t *testing.T) {
	years := func(an *dyad.Analysis, ys ...string) *dyad.Analysis {
		for _, y := range ys {
			an.Dates = append(an.Dates, dyad.Date{Value: y + "-05-12"})
		}
		return an
	}
	tests := []struct {
		name    string
		a, b, c []string // years the articles name
		want    []string
	}{
		{"no years", nil, nil, nil, []string{"a", "a", "a"}},
		{"same year", []string{"2008"}, []string{"2008"}, []string{"2008"}, []string{"a", "a", "a"}},
		{"one side without years", []string{"2008"}, nil, []string{"2008"}, []string{"a", "a", "a"}},
		{"a year in common", []string{"2008", "2010"}, []string{"2010"}, []string{"2008"}, []string{"a", "a", "a"}},
		{"different years", []string{"2008"}, []string{"2013"}, []string{"2008"}, []string{"a", "b", "a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewClusterer(Options{Threshold: 0.25, Weight: 0.5})
			var got []string
			for _, an := range []*dyad.Analysis{years(art("a", 0, quake1), tt.a...), years(art("b", 0, quake2), tt.b...), years(art("c", 0, quake3), tt.c...)} {
				got = append(got, c.Add(an))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("stories %v, want %v", got, tt.want)
			}
		})
	}
}

func TestFeatures(t *testing.T) {
	an := &dyad.Analysis{
		Article: dyad.Article{Title: "Jeffs convicted in Texas"},
		Mentions: []dyad.Mention{
			{Text: "Warren Jeffs", Type: dyad.PER}, {Text: "Jeffs", Type: dyad.PER}, {Text: "he", Type: dyad.PER},
			{Text: "Eric Nichols", Type: dyad.PER}, {Text: "Texas", Type: dyad.LOC}, {Text: "San Antonio", Type: dyad.LOC},
			{Text: "Texas", Type: dyad.LOC}, {Text: "FLDS", Type: dyad.ORG},
		},
		Dates: []dyad.Date{{Value: "2011-08-04"}, {Value: "2008"}},
	}
	f := features(an)
	for _, tt := range []struct {
		sig  int
		want weighted
	}{
		{sigPersons, weighted{{"jeffs", 1}, {"nichols", 0.5}}},
		{sigPlaces, weighted{{"san antonio", 0.5}, {"texas", 1}}},
		{sigYears, weighted{{"2008", 1}, {"2011", 1}}},
		{sigHeadline, weighted{{"convicted", 1}, {"jeffs", 1}, {"texas", 1}}},
		{sigActors, weighted{}},
	} {
		if !slices.Equal(f[tt.sig], tt.want) {
			t.Errorf("signal %d: %v, want %v", tt.sig, f[tt.sig], tt.want)
		}
	}
}

func TestFuzzyJaccard(t *testing.T) {
	var story bag // two articles: one with x and z, one with x
	story.add(weighted{{"x", 1}, {"z", 1}})
	story.add(weighted{{"x", 1}})
	tests := []struct {
		name string
		f    weighted
		want float64
	}{
		{"all the story has", weighted{{"x", 1}, {"z", 1}}, 1.5 / 2},
		{"its constant feature", weighted{{"x", 1}}, 1 / 1.5},
		{"named in passing", weighted{{"x", 0.5}}, 0.5 / 1.5},
		{"a feature the story lacks", weighted{{"x", 1}, {"y", 0.5}}, 1 / 2.0},
		{"nothing in common", weighted{{"y", 1}}, 0},
	}
	for _, tt := range tests {
		if got := fuzzyJaccard(tt.f, &story, 2); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
