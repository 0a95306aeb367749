package story

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
	"time"

	"dyad"
	"dyad/eval"
	"dyad/extract"
	"dyad/internal/shared"
	"dyad/lexicon"
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

// TestPostings checks the inverted index against the stories it indexes,
// across expiries: each active story has one posting for each term of its
// centroid and no other, and the postings' weights give its norm.
func TestPostings(t *testing.T) {
	c := NewClusterer(DefaultOptions())
	for _, an := range synthetic(800) { // 8 days: stories expire
		c.Add(an)
	}
	n := 0
	for _, s := range c.stories {
		norm2 := 0.0
		for _, id := range s.terms {
			ps := c.postings[id]
			i := s.in(ps)
			if i < 0 || slices.ContainsFunc(ps[i+1:], func(p posting) bool { return p.s == s }) {
				t.Fatalf("story %s: %d postings for term %q, want 1", s.id, len(ps), c.names[id])
			}
			norm2 += ps[i].w * ps[i].w
		}
		// norm2 is kept incrementally, |c+v|² = |c|² + 2c·v + |v|².
		if math.Abs(norm2-s.norm2) > 1e-9*s.norm2 {
			t.Errorf("story %s: norm² %v from postings, %v kept", s.id, norm2, s.norm2)
		}
		n += len(s.terms)
	}
	total := 0
	for _, ps := range c.postings {
		total += len(ps)
	}
	if total != n || len(c.stories) == 0 {
		t.Errorf("%d postings for %d active stories' %d terms", total, len(c.stories), n)
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

// ecbOrders clusters the ECB+ dev documents with opt in file order and in
// shuffled orders (seeds 1..seeds), returning the B-cubed F1 of each,
// file order first. Shuffling is seeded, so runs are reproducible.
func ecbOrders(t *testing.T, opt Options, seeds int) []float64 {
	t.Helper()
	f, err := os.Open(shared.Path(t, "eval/ecbplus/dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := eval.ReadECBPlus(f, f.Name())
	if err != nil {
		t.Fatal(err)
	}
	a := extract.New(lexicon.Default())
	ans := make([]*dyad.Analysis, len(docs))
	for i, d := range docs {
		if ans[i], err = a.Analyze(dyad.Article{ID: d.ID, Text: d.Text}); err != nil {
			t.Fatal(err)
		}
	}
	var f1 []float64
	for seed := range seeds + 1 {
		order := make([]int, len(docs))
		for i := range order {
			order[i] = i
		}
		if seed > 0 {
			r := rand.New(rand.NewPCG(uint64(seed), 0))
			r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		}
		c := NewClusterer(opt)
		gold, pred := make([]string, len(docs)), make([]string, len(docs))
		for k, i := range order {
			gold[k], pred[k] = docs[i].Cluster, c.Add(ans[i])
		}
		s, err := eval.ScoreClustering(gold, pred)
		if err != nil {
			t.Fatal(err)
		}
		f1 = append(f1, s.BCubed.F1)
	}
	return f1
}

// TestECBPlusOrders: the stories do not hang on the order the documents
// come in much; the first documents of a topic should not decide alone
// whether its two events merge.
func TestECBPlusOrders(t *testing.T) {
	if testing.Short() {
		t.Skip("analyzes 537 documents")
	}
	f1 := ecbOrders(t, DefaultOptions(), 5)
	mean := 0.0
	for _, x := range f1[1:] {
		mean += x
	}
	mean /= float64(len(f1) - 1)
	t.Logf("ECB+ dev B-cubed F1: file order %.3f; shuffled %.3f, mean %.3f, min %.3f", f1[0], f1[1:], mean, slices.Min(f1[1:]))
	// Floors below the scores of README.md, which move with the NER model.
	if f1[0] < 0.91 || mean < 0.85 {
		t.Errorf("B-cubed F1 file order %.3f (floor 0.91), shuffled mean %.3f (floor 0.85)", f1[0], mean)
	}
}
