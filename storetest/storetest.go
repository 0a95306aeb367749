// Package storetest is the conformance suite for dyad.Store
// implementations: every store (SQLite, PostgreSQL) runs Run and so behaves
// the same.
//
// Behaviour the suite fixes beyond the dyad.Store comments:
//
//   - Put rejects a nil analysis, an article without ID and an actor
//     without ID, and leaves nothing of a failed Put behind.
//   - Events with the same Key within one analysis are stored once, at the
//     position of the first, with their Mentions summed.
//   - Published times are kept to the second.
//   - An actor's FirstSeen and LastSeen are the earliest and latest
//     publication dates of the stored articles that list it (undated
//     articles do not count); an empty field of a stored actor is filled by
//     a later analysis, a non-empty one is kept.
//   - Records come in article order (newest published first, undated last,
//     then by article ID, descending), then in their order within the
//     analysis. Actors
//     come by articles, then mentions (both descending), then ID. IDs are
//     compared byte by byte.
//   - Filter.Source, Target, Undirected, CAMEO and Quad apply to Events
//     only; the other queries ignore them.
//   - A malformed Filter.Query gives the one-line error
//     `invalid query "<query>": <reason>`.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"dyad"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// Run runs the conformance suite. open must return a new, empty store; Run
// closes it.
func Run(t *testing.T, open func(t *testing.T) dyad.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s dyad.Store)
	}{
		{"PutTwice", testPutTwice},
		{"RoundTrip", testRoundTrip},
		{"Analysis", testAnalysis},
		{"Filters", testFilters},
		{"EventFilters", testEventFilters},
		{"Order", testOrder},
		{"FullText", testFullText},
		{"ActorUpsert", testActorUpsert},
		{"ConcurrentPuts", testConcurrentPuts},
		{"FailedPut", testFailedPut},
		{"CancelledPut", testCancelledPut},
		{"Stories", testStories},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			defer func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			}()
			tt.fn(t, s)
		})
	}
}

// testAnalysis reads each stored analysis back: what was put, but for what
// a store keeps of it. An event reported twice is one event with both
// mentions, an actor's tone keeps its score and sentences, actors are as
// stored (here as put, since no other article adds to them). An unknown ID
// is ErrNotFound.
func testAnalysis(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	a1, a2, a3 := corpus()
	put(t, s, a1, a2, a3)
	for _, a := range []*dyad.Analysis{a1, a2, a3} {
		want := *a
		want.Sentences = nil
		want.Events = nil
		for _, e := range a.Events {
			if i := slices.IndexFunc(want.Events, func(x dyad.Event) bool { return x.Key() == e.Key() }); i >= 0 {
				want.Events[i].Mentions += e.Mentions
				continue
			}
			want.Events = append(want.Events, e)
		}
		want.Tones = nil
		for _, tn := range a.Tones {
			want.Tones = append(want.Tones, dyad.ActorTone{Actor: tn.Actor, Sentences: tn.Sentences, Tone: dyad.Tone{Score: tn.Score}})
		}
		got, err := s.Analysis(ctx, a.Article.ID)
		check(t, "Analysis("+a.Article.ID+")", &want, got, err)
	}
	if _, err := s.Analysis(ctx, "0123456789abcdef"); !errors.Is(err, dyad.ErrNotFound) {
		t.Errorf("Analysis of an unknown article: %v, want ErrNotFound", err)
	}
}

// checkEventCounts checks that EventCounts(f) counts the events es that
// Events(f) gave: by day (the event's date, else its publication day),
// pair of codes and QuadClass, with their Goldstein sum.
func checkEventCounts(t *testing.T, s dyad.Store, f dyad.Filter, es []dyad.EventRecord) {
	t.Helper()
	type key struct {
		day, src, tgt string
		quad          int
	}
	type sum struct {
		events    int
		goldstein float64
	}
	want := map[key]sum{}
	for _, e := range es {
		day := ""
		if _, err := time.Parse(time.DateOnly, e.Date[:min(10, len(e.Date))]); err == nil {
			day = e.Date[:10]
		} else if !e.Published.IsZero() {
			day = e.Published.UTC().Format(time.DateOnly)
		}
		k := key{day, e.Event.Source.Code, e.Target.Code, e.Quad}
		want[k] = sum{want[k].events + 1, want[k].goldstein + e.Goldstein}
	}
	counts, err := s.EventCounts(context.Background(), f)
	if err != nil {
		t.Fatalf("EventCounts(%+v): %v", f, err)
	}
	got := map[key]sum{}
	for _, c := range counts {
		got[key{c.Day, c.Source.Code, c.Target.Code, c.Quad}] = sum{c.Events, c.Goldstein}
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(key{}, sum{}), cmpopts.EquateApprox(0, 1e-9), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("EventCounts(%+v) (-from Events +got):\n%s", f, diff)
	}
}

// cmpOpts treats nil and empty slices alike: a store need not tell them
// apart.
var cmpOpts = []cmp.Option{cmpopts.EquateEmpty()}

func put(t *testing.T, s dyad.Store, as ...*dyad.Analysis) {
	t.Helper()
	for _, a := range as {
		created, err := s.Put(context.Background(), a)
		if err != nil {
			t.Fatalf("Put(%s): %v", a.Article.ID, err)
		}
		if !created {
			t.Fatalf("Put(%s) = false, want true for a new article", a.Article.ID)
		}
	}
}

func counts(t *testing.T, s dyad.Store) dyad.Counts {
	t.Helper()
	c, err := s.Counts(context.Background())
	if err != nil {
		t.Fatalf("Counts: %v", err)
	}
	return c
}

// corpusCounts is what the three corpus analyses add up to.
var corpusCounts = dyad.Counts{Articles: 3, Actors: 7, Mentions: 15, Quotes: 5, Figures: 4, Events: 4}

func testPutTwice(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	a1, a2, a3 := corpus()
	put(t, s, a1, a2, a3)
	before := counts(t, s)
	if diff := cmp.Diff(corpusCounts, before); diff != "" {
		t.Errorf("Counts after the corpus (-want +got):\n%s", diff)
	}
	articles := mustArticles(t, s, dyad.Filter{})
	actors, err := s.Actors(ctx, dyad.Filter{})
	if err != nil {
		t.Fatal(err)
	}

	// The same article again, even analysed differently, changes nothing.
	again, _, _ := corpus()
	again.Article.Title = "A different title"
	again.Quotes = append(again.Quotes, again.Quotes[0])
	again.Events = again.Events[:1]
	created, err := s.Put(ctx, again)
	if err != nil || created {
		t.Fatalf("second Put = %v, %v; want false, nil", created, err)
	}
	if diff := cmp.Diff(before, counts(t, s)); diff != "" {
		t.Errorf("Counts changed by the second Put (-before +after):\n%s", diff)
	}
	if diff := cmp.Diff(articles, mustArticles(t, s, dyad.Filter{}), cmpOpts...); diff != "" {
		t.Errorf("Articles changed by the second Put (-before +after):\n%s", diff)
	}
	gotActors, err := s.Actors(ctx, dyad.Filter{})
	check(t, "Actors after the second Put", actors, gotActors, err)
	es, err := s.Events(ctx, dyad.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	checkEventCounts(t, s, dyad.Filter{}, es)

	for id, want := range map[string]bool{idA1: true, idA3: true, "ffffffffffffffff": false, "": false} {
		if got, err := s.Has(ctx, id); err != nil || got != want {
			t.Errorf("Has(%q) = %v, %v; want %v", id, got, err, want)
		}
	}
}

func mustArticles(t *testing.T, s dyad.Store, f dyad.Filter) []dyad.Article {
	t.Helper()
	as, err := s.Articles(context.Background(), f)
	if err != nil {
		t.Fatalf("Articles(%+v): %v", f, err)
	}
	return as
}

func source(a *dyad.Analysis) dyad.Source {
	return dyad.Source{ArticleID: a.Article.ID, URL: a.Article.URL, Outlet: a.Article.Outlet, Title: a.Article.Title, Published: a.Article.Published}
}

// testRoundTrip checks that everything the queries return is what went in.
func testRoundTrip(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	a1, a2, a3 := corpus()
	put(t, s, a3, a1, a2) // stored out of order on purpose
	order := []*dyad.Analysis{a2, a1, a3}

	var (
		articles []dyad.Article
		quotes   []dyad.QuoteRecord
		figures  []dyad.FigureRecord
	)
	for _, a := range order {
		articles = append(articles, a.Article)
		for _, q := range a.Quotes {
			quotes = append(quotes, dyad.QuoteRecord{Source: source(a), Quote: q})
		}
		for _, f := range a.Figures {
			figures = append(figures, dyad.FigureRecord{Source: source(a), Figure: f})
		}
	}
	// a1 reports its signing twice: one event with both mentions.
	signed := a1.Events[1]
	signed.Mentions = 2
	events := []dyad.EventRecord{
		{Source: source(a2), Event: a2.Events[0]},
		{Source: source(a1), Event: a1.Events[0]},
		{Source: source(a1), Event: signed},
		{Source: source(a3), Event: a3.Events[0]},
	}
	// Spot checks that the corpus holds what the round trip is meant to
	// cover, so that an edit of it cannot hollow the test out.
	if figures[1].Value != 360000000 || len(figures[1].Actors) != 2 || signed.PLOVER.Context == "" || signed.Start == 0 {
		t.Fatal("corpus lost the values this test is about")
	}

	gotArticles, err := s.Articles(ctx, dyad.Filter{})
	check(t, "Articles", articles, gotArticles, err)
	gotQuotes, err := s.Quotes(ctx, dyad.Filter{})
	check(t, "Quotes", quotes, gotQuotes, err)
	gotFigures, err := s.Figures(ctx, dyad.Filter{})
	check(t, "Figures", figures, gotFigures, err)
	gotEvents, err := s.Events(ctx, dyad.Filter{})
	check(t, "Events", events, gotEvents, err)

	seen := func(a dyad.Actor, articles, mentions int, first, last time.Time) dyad.ActorSummary {
		return dyad.ActorSummary{Actor: a, Articles: articles, Mentions: mentions, FirstSeen: first, LastSeen: last}
	}
	actors := []dyad.ActorSummary{
		seen(actRojas, 2, 3, timeA1, timeA2),
		seen(actCHL, 2, 2, timeA1, timeA2),
		seen(actNOR, 2, 2, timeA1, timeA2),
		seen(actBerg, 1, 3, timeA1, timeA1),
		seen(actPERGOV, 1, 2, timeA2, timeA2),
		seen(actUN, 1, 1, time.Time{}, time.Time{}), // named only by the undated a3
		seen(actNORGOV, 1, 1, time.Time{}, time.Time{}),
	}
	gotActors, err := s.Actors(ctx, dyad.Filter{})
	check(t, "Actors", actors, gotActors, err)

	if diff := cmp.Diff(corpusCounts, counts(t, s)); diff != "" {
		t.Errorf("Counts (-want +got):\n%s", diff)
	}
}

func check[T any](t *testing.T, what string, want, got T, err error) {
	t.Helper()
	if err != nil {
		t.Errorf("%s: %v", what, err)
		return
	}
	if diff := cmp.Diff(want, got, cmpOpts...); diff != "" {
		t.Errorf("%s (-want +got):\n%s", what, diff)
	}
}

// result names what each query returns, to compare with a test case:
// article IDs, actor IDs, quote texts, figure texts, event CAMEO codes
// (unique in the corpus).
type result struct {
	articles, actors, quotes, figures, events []string
}

func query(ctx context.Context, s dyad.Store, f dyad.Filter) (result, error) {
	var r result
	as, err := s.Articles(ctx, f)
	if err != nil {
		return r, fmt.Errorf("Articles: %w", err)
	}
	for _, a := range as {
		r.articles = append(r.articles, a.ID)
	}
	acs, err := s.Actors(ctx, f)
	if err != nil {
		return r, fmt.Errorf("Actors: %w", err)
	}
	for _, a := range acs {
		r.actors = append(r.actors, a.ID)
	}
	qs, err := s.Quotes(ctx, f)
	if err != nil {
		return r, fmt.Errorf("Quotes: %w", err)
	}
	for _, q := range qs {
		r.quotes = append(r.quotes, q.Text)
	}
	fs, err := s.Figures(ctx, f)
	if err != nil {
		return r, fmt.Errorf("Figures: %w", err)
	}
	for _, fg := range fs {
		r.figures = append(r.figures, fg.Text)
	}
	es, err := s.Events(ctx, f)
	if err != nil {
		return r, fmt.Errorf("Events: %w", err)
	}
	for _, e := range es {
		r.events = append(r.events, e.CAMEO)
	}
	return r, nil
}

// Names of quotes and figures in the corpus, for the filter cases.
const (
	qChapter   = "This pact opens a new chapter"
	qScience   = "Chile would send 40 scientists to the Arctic"
	qConsulted = "We were not consulted"
	qDeal      = "the deal respected every neighbour"
	qStations  = "Norway will fund 3 stations"
	fTrade     = "over $360 million"
	fScience   = "40 scientists"
	fVessels   = "12 vessels"
	fStations  = "3 stations"
)

func testFilters(t *testing.T, s dyad.Store) {
	a1, a2, a3 := corpus()
	put(t, s, a1, a2, a3)
	onlyA1 := result{
		articles: []string{idA1},
		actors:   []string{"ola-berg", "ana-rojas", "CHL", "NOR"},
		quotes:   []string{qChapter, qScience},
		figures:  []string{fTrade, fScience},
		events:   []string{"042", "057"},
	}
	onlyA2 := result{
		articles: []string{idA2},
		actors:   []string{"PERGOV", "CHL", "NOR", "ana-rojas"},
		quotes:   []string{qConsulted, qDeal},
		figures:  []string{fVessels},
		events:   []string{"111"},
	}
	jan := func(day int) time.Time { return time.Date(2026, 1, day, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name string
		f    dyad.Filter
		want result
	}{
		{"none", dyad.Filter{}, result{
			articles: []string{idA2, idA1, idA3},
			actors:   []string{"ana-rojas", "CHL", "NOR", "ola-berg", "PERGOV", "IGOUNO", "NORGOV"},
			quotes:   []string{qConsulted, qDeal, qChapter, qScience, qStations},
			figures:  []string{fVessels, fTrade, fScience, fStations},
			events:   []string{"111", "042", "057", "051"},
		}},
		{"actor by ID", dyad.Filter{Actor: "Ana-Rojas"}, result{
			articles: []string{idA2, idA1},
			actors:   []string{"ana-rojas"},
			quotes:   []string{qDeal, qScience},
			events:   []string{"057"},
		}},
		{"actor by code", dyad.Filter{Actor: "norgov"}, result{
			articles: []string{idA1, idA3},
			actors:   []string{"ola-berg", "NORGOV"},
			quotes:   []string{qChapter, qStations},
			figures:  []string{fVessels, fTrade, fStations},
			events:   []string{"042", "057", "051"},
		}},
		{"actor by country", dyad.Filter{Actor: "chl"}, result{
			articles: []string{idA2, idA1},
			actors:   []string{"ana-rojas", "CHL"},
			quotes:   []string{qDeal, qScience},
			figures:  []string{fVessels, fTrade, fScience},
			events:   []string{"111", "042", "057"},
		}},
		{"actor by name", dyad.Filter{Actor: "OLA BERG"}, result{
			articles: []string{idA1},
			actors:   []string{"ola-berg"},
			quotes:   []string{qChapter},
			events:   []string{"042", "057"},
		}},
		{"actor unknown", dyad.Filter{Actor: "XYZ"}, result{}},
		{"outlet", dyad.Filter{Outlet: "NORTHERN HERALD"}, result{
			articles: []string{idA1, idA3},
			actors:   []string{"ola-berg", "ana-rojas", "CHL", "IGOUNO", "NOR", "NORGOV"},
			quotes:   []string{qChapter, qScience, qStations},
			figures:  []string{fTrade, fScience, fStations},
			events:   []string{"042", "057", "051"},
		}},
		{"outlet is exact", dyad.Filter{Outlet: "Northern"}, result{}},
		{"query", dyad.Filter{Query: "fisheries"}, result{
			articles: []string{idA2, idA1},
			actors:   []string{"ana-rojas", "CHL", "NOR", "ola-berg", "PERGOV"},
			quotes:   []string{qConsulted, qDeal, qChapter, qScience},
			figures:  []string{fVessels, fTrade, fScience},
			events:   []string{"111", "042", "057"},
		}},
		{"query in title", dyad.Filter{Query: "protests"}, onlyA2},
		{"since", dyad.Filter{Since: jan(15)}, onlyA2},
		{"until", dyad.Filter{Until: jan(15)}, onlyA1},
		{"since is inclusive, until exclusive", dyad.Filter{Since: timeA1, Until: timeA2}, onlyA1},
		{"since and until", dyad.Filter{Since: jan(1), Until: jan(31)}, result{
			articles: []string{idA2, idA1},
			actors:   []string{"ana-rojas", "CHL", "NOR", "ola-berg", "PERGOV"},
			quotes:   []string{qConsulted, qDeal, qChapter, qScience},
			figures:  []string{fVessels, fTrade, fScience},
			events:   []string{"111", "042", "057"},
		}},
		{"since in another zone", dyad.Filter{Since: timeA2.In(time.FixedZone("X", 3600))}, onlyA2},
		{"limit", dyad.Filter{Limit: 2}, result{
			articles: []string{idA2, idA1},
			actors:   []string{"ana-rojas", "CHL"},
			quotes:   []string{qConsulted, qDeal},
			figures:  []string{fVessels, fTrade},
			events:   []string{"111", "042"},
		}},
		{"actor, outlet and since", dyad.Filter{Actor: "NORGOV", Outlet: "northern herald", Since: jan(1)}, result{
			articles: []string{idA1},
			actors:   []string{"ola-berg"},
			quotes:   []string{qChapter},
			figures:  []string{fTrade},
			events:   []string{"042", "057"},
		}},
		{"query and actor", dyad.Filter{Query: "pact", Actor: "per"}, result{
			articles: []string{idA2},
			actors:   []string{"PERGOV"},
			quotes:   []string{qConsulted},
			events:   []string{"111"},
		}},
		{"actor and limit", dyad.Filter{Actor: "CHL", Limit: 1}, result{
			articles: []string{idA2},
			actors:   []string{"ana-rojas"},
			quotes:   []string{qDeal},
			figures:  []string{fVessels},
			events:   []string{"111"},
		}},
		{"everything", dyad.Filter{Actor: "chl", Outlet: "Southern Post", Query: "pact", Since: jan(1), Until: jan(31), Limit: 5}, result{
			articles: []string{idA2},
			actors:   []string{"CHL", "ana-rojas"},
			quotes:   []string{qDeal},
			figures:  []string{fVessels},
			events:   []string{"111"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := query(context.Background(), s, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(result{}), cmpOpts[0]); diff != "" {
				t.Errorf("filter %+v (-want +got):\n%s", tt.f, diff)
			}
		})
	}
}

// testEventFilters checks the filters only Events applies. The corpus's
// events: 111 PERGOV→CHLGOV (quad 3); 042 Berg (NORGOV)→CHL and 057
// Berg→Rojas (CHLGOV); 051 IGOUNO→NORGOV (quads 1).
func testEventFilters(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	a1, a2, a3 := corpus()
	put(t, s, a1, a2, a3)
	jan := func(day int) time.Time { return time.Date(2026, 1, day, 0, 0, 0, 0, time.UTC) }
	// Date ranges of whole days and of times of day, since a store may
	// count events by day or hour.
	tests := []struct {
		name string
		f    dyad.Filter
		want []string // CAMEO codes in order
	}{
		{"since a day", dyad.Filter{Since: jan(20)}, []string{"111"}},
		{"until a day", dyad.Filter{Until: jan(20)}, []string{"042", "057"}},
		{"within days", dyad.Filter{Source: "NOR", Since: jan(10), Until: jan(11)}, []string{"042", "057"}},
		{"until the day after", dyad.Filter{Since: jan(1), Until: jan(21)}, []string{"111", "042", "057"}},
		{"since a time of day", dyad.Filter{Since: timeA2.Add(time.Second)}, nil},
		{"until a time of day", dyad.Filter{Until: timeA2.Add(time.Second)}, []string{"111", "042", "057"}},
		{"until the time of an article", dyad.Filter{Until: timeA2}, []string{"042", "057"}},
		{"within an hour", dyad.Filter{Since: timeA2.Add(-time.Minute), Until: timeA2.Add(time.Minute)}, []string{"111"}},
		{"hours and parts of hours", dyad.Filter{Since: timeA1.Add(-time.Minute), Until: timeA2.Add(time.Minute)}, []string{"111", "042", "057"}},
		{"parts of hours only", dyad.Filter{Since: timeA1.Add(time.Minute), Until: timeA2.Add(time.Minute)}, []string{"111"}},
		{"dyad by country", dyad.Filter{Source: "NOR", Target: "CHL"}, []string{"042", "057"}},
		{"dyad is directed", dyad.Filter{Source: "CHL", Target: "NOR"}, nil},
		{"undirected dyad", dyad.Filter{Source: "CHL", Target: "NOR", Undirected: true}, []string{"042", "057"}},
		{"undirected dyad, either way", dyad.Filter{Source: "chl", Target: "per", Undirected: true}, []string{"111"}},
		{"dyad by code", dyad.Filter{Source: "NORGOV", Target: "chlgov"}, []string{"057"}},
		{"dyad by name and ID", dyad.Filter{Source: "ola berg", Target: "ana-rojas"}, []string{"057"}},
		{"source only", dyad.Filter{Source: "PER"}, []string{"111"}},
		{"target only", dyad.Filter{Target: "CHL"}, []string{"111", "042", "057"}},
		{"target is not source", dyad.Filter{Target: "PER"}, nil},
		{"undirected source only", dyad.Filter{Source: "NORGOV", Undirected: true}, []string{"042", "057", "051"}},
		{"cameo root", dyad.Filter{CAMEO: "05"}, []string{"057", "051"}},
		{"cameo prefix", dyad.Filter{CAMEO: "0"}, []string{"042", "057", "051"}},
		{"cameo full", dyad.Filter{CAMEO: "057"}, []string{"057"}},
		{"cameo longer than any", dyad.Filter{CAMEO: "0571"}, nil},
		{"quad 1", dyad.Filter{Quad: 1}, []string{"042", "057", "051"}},
		{"quad 3", dyad.Filter{Quad: 3}, []string{"111"}},
		{"quad 4", dyad.Filter{Quad: 4}, nil},
		{"dyad and cameo", dyad.Filter{Source: "NOR", Target: "CHL", CAMEO: "04"}, []string{"042"}},
		{"actor and quad", dyad.Filter{Actor: "IGOUNO", Quad: 1}, []string{"051"}},
		{"dyad and article filters", dyad.Filter{Source: "NOR", Outlet: "northern herald", Until: timeA1}, nil},
		{"dyad and limit", dyad.Filter{Target: "CHL", Limit: 2}, []string{"111", "042"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es, err := s.Events(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range es {
				got = append(got, e.CAMEO)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Events(%+v) = %q, want %q", tt.f, got, tt.want)
			}
			if tt.f.Limit == 0 {
				checkEventCounts(t, s, tt.f, es)
			}
		})
	}
	// The other records do not have these fields: they ignore them.
	if as := mustArticles(t, s, dyad.Filter{Quad: 4, CAMEO: "19", Source: "XYZ"}); len(as) != 3 {
		t.Errorf("Articles with event filters: %d articles, want all 3", len(as))
	}
}

// testOrder checks the tie-breaks of the article order: same time by ID
// descending, undated last and by ID descending too; records follow their
// article, then their place in it.
func testOrder(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	at := time.Date(2026, 2, 1, 8, 0, 0, 0, time.UTC)
	for i, x := range []struct {
		id        string
		published time.Time
	}{{"x2", at}, {"x1", at}, {"x3", time.Time{}}, {"x0", time.Time{}}, {"x4", at.Add(time.Hour)}} {
		a := Sample(i)
		a.Article.ID, a.Article.Published = x.id, x.published
		put(t, s, a)
	}
	want := []string{"x4", "x2", "x1", "x3", "x0"}
	var got []string
	for _, a := range mustArticles(t, s, dyad.Filter{}) {
		got = append(got, a.ID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("Articles in order %v, want %v", got, want)
	}

	quotes, err := s.Quotes(ctx, dyad.Filter{Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	sample := Sample(0).Quotes
	var gotQuotes, wantQuotes []string
	for _, q := range quotes {
		gotQuotes = append(gotQuotes, q.ArticleID+": "+q.Text)
	}
	for i := range 5 {
		wantQuotes = append(wantQuotes, want[i/3]+": "+sample[i%3].Text)
	}
	if diff := cmp.Diff(wantQuotes, gotQuotes); diff != "" {
		t.Errorf("Quotes in order (-want +got):\n%s", diff)
	}
}

func testFullText(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	a1, a2, a3 := corpus()
	put(t, s, a1, a2, a3)
	for q, want := range map[string][]string{
		"scientists":        {idA1},       // a word of the text only
		"ARCTIC":            {idA1, idA3}, // case-insensitive
		`"fisheries pact"`:  {idA2, idA1}, // a phrase
		"pact Peru":         {idA2},       // all words
		"vessels OR plan":   {idA2, idA3}, // either word
		"welcomes research": {idA3},       // title and text together
		"submarine":         nil,          // no match
		"Peru NOT Norway":   nil,          // both in a2
		"Oslo":              {idA1},       // a word of the title only
	} {
		got := mustArticles(t, s, dyad.Filter{Query: q})
		var ids []string
		for _, a := range got {
			ids = append(ids, a.ID)
		}
		if !slices.Equal(ids, want) {
			t.Errorf("Query %q found %v, want %v", q, ids, want)
		}
	}

	// A malformed query is the caller's mistake: an error for every query,
	// no panic, no partial result.
	for _, q := range []string{`"unbalanced`, "pact AND", "NEAR(", "nosuchcolumn:pact"} {
		f := dyad.Filter{Query: q}
		errs := map[string]error{}
		_, errs["Articles"] = s.Articles(ctx, f)
		_, errs["Actors"] = s.Actors(ctx, f)
		_, errs["Quotes"] = s.Quotes(ctx, f)
		_, errs["Figures"] = s.Figures(ctx, f)
		_, errs["Events"] = s.Events(ctx, f)
		for what, err := range errs {
			switch {
			case err == nil:
				t.Errorf("%s(Query %q): no error", what, q)
			case !strings.HasPrefix(err.Error(), fmt.Sprintf("invalid query %q: ", q)) &&
				!strings.Contains(err.Error(), fmt.Sprintf(": invalid query %q: ", q)):
				t.Errorf("%s(Query %q): error %q does not say invalid query %q", what, q, err, q)
			case strings.Contains(err.Error(), "\n"):
				t.Errorf("%s(Query %q): error %q is more than one line", what, q, err)
			}
		}
	}
}

func testActorUpsert(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 12, 0, 0, 0, time.UTC) }
	article := func(id string, published time.Time, a dyad.Actor) *dyad.Analysis {
		text := "Kim Lee spoke today."
		return newBuilder(id, "Daily", published, "Kim Lee speaks", text).
			actors(a).mention("Kim Lee", 0, dyad.PER, a.ID, "").a
	}
	bare := dyad.Actor{ID: "kim-lee", Name: "Kim Lee", Kind: dyad.KindPerson}
	full := dyad.Actor{ID: "kim-lee", Name: "Kim Y. Lee", Code: "KORGOV", Country: "KOR", Sector: "GOV",
		Kind: dyad.KindPerson, Role: "trade minister"}
	other := full
	other.Role, other.Country = "prime minister", "JPN"

	steps := []struct {
		name string
		a    *dyad.Analysis
		want dyad.ActorSummary
	}{
		{"first sight", article("u1", day(2, 1), bare),
			dyad.ActorSummary{Actor: bare, Articles: 1, Mentions: 1, FirstSeen: day(2, 1), LastSeen: day(2, 1)}},
		{"later article fills empty fields and extends last seen", article("u2", day(3, 1), full),
			dyad.ActorSummary{Actor: dyad.Actor{ID: "kim-lee", Name: "Kim Lee", Code: "KORGOV", Country: "KOR", Sector: "GOV",
				Kind: dyad.KindPerson, Role: "trade minister"}, Articles: 2, Mentions: 2, FirstSeen: day(2, 1), LastSeen: day(3, 1)}},
		{"known fields are kept", article("u3", day(3, 15), other),
			dyad.ActorSummary{Actor: dyad.Actor{ID: "kim-lee", Name: "Kim Lee", Code: "KORGOV", Country: "KOR", Sector: "GOV",
				Kind: dyad.KindPerson, Role: "trade minister"}, Articles: 3, Mentions: 3, FirstSeen: day(2, 1), LastSeen: day(3, 15)}},
		{"an older article moves first seen back", article("u4", day(1, 5), bare),
			dyad.ActorSummary{Actor: dyad.Actor{ID: "kim-lee", Name: "Kim Lee", Code: "KORGOV", Country: "KOR", Sector: "GOV",
				Kind: dyad.KindPerson, Role: "trade minister"}, Articles: 4, Mentions: 4, FirstSeen: day(1, 5), LastSeen: day(3, 15)}},
		{"an undated article does not move either", article("u5", time.Time{}, bare),
			dyad.ActorSummary{Actor: dyad.Actor{ID: "kim-lee", Name: "Kim Lee", Code: "KORGOV", Country: "KOR", Sector: "GOV",
				Kind: dyad.KindPerson, Role: "trade minister"}, Articles: 5, Mentions: 5, FirstSeen: day(1, 5), LastSeen: day(3, 15)}},
	}
	for _, st := range steps {
		put(t, s, st.a)
		got, err := s.Actors(ctx, dyad.Filter{Actor: "kim-lee"})
		check(t, st.name, []dyad.ActorSummary{st.want}, got, err)
	}
	if c := counts(t, s); c.Actors != 1 {
		t.Errorf("Counts.Actors = %d, want 1", c.Actors)
	}
}

// testConcurrentPuts has several goroutines put the same and their own
// analyses at once, while others read: each article is created exactly
// once and nothing fails for being concurrent.
func testConcurrentPuts(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	const workers, own = 6, 3
	var (
		mu      sync.Mutex
		created = map[string]int{}
		wg      sync.WaitGroup
		done    = make(chan struct{})
	)
	for w := range workers {
		wg.Go(func() {
			a1, a2, a3 := corpus()
			shared := []*dyad.Analysis{a1, a2, a3}
			var as []*dyad.Analysis
			for i := range own {
				as = append(as, Sample(w*own+i))
				as = append(as, shared[(w+i)%len(shared)])
			}
			for _, a := range as {
				ok, err := s.Put(ctx, a)
				if err != nil {
					t.Errorf("Put(%s): %v", a.Article.ID, err)
					continue
				}
				n := 0
				if ok {
					n = 1
				}
				mu.Lock()
				created[a.Article.ID] += n // a key even when not created
				mu.Unlock()
			}
		})
	}
	var readers sync.WaitGroup
	for range 2 {
		readers.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				if _, err := s.Actors(ctx, dyad.Filter{Query: "pact"}); err != nil {
					t.Errorf("Actors during Puts: %v", err)
					return
				}
				if _, err := s.Counts(ctx); err != nil {
					t.Errorf("Counts during Puts: %v", err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(done)
	readers.Wait()

	if len(created) != 3+workers*own {
		t.Errorf("%d distinct articles put, want %d", len(created), 3+workers*own)
	}
	for id, n := range created {
		if n != 1 {
			t.Errorf("article %s created %d times, want once", id, n)
		}
	}
	sample := Sample(0)
	want := corpusCounts
	want.Articles += workers * own
	want.Actors += 3 // two people and SWEGOV; NORGOV is in the corpus
	want.Mentions += workers * own * len(sample.Mentions)
	want.Quotes += workers * own * len(sample.Quotes)
	want.Figures += workers * own * len(sample.Figures)
	want.Events += workers * own * len(sample.Events)
	if diff := cmp.Diff(want, counts(t, s)); diff != "" {
		t.Errorf("Counts (-want +got):\n%s", diff)
	}
}

// testFailedPut checks that a rejected analysis leaves nothing behind and
// keeps what was stored before.
func testFailedPut(t *testing.T, s dyad.Store) {
	ctx := context.Background()
	a1, a2, _ := corpus()
	put(t, s, a1)
	before := counts(t, s)
	articles := mustArticles(t, s, dyad.Filter{})
	actors, err := s.Actors(ctx, dyad.Filter{})
	if err != nil {
		t.Fatal(err)
	}

	noID := Sample(1)
	noID.Article.ID = ""
	// The bad actor comes after a good one that a1 also has, so a store
	// that writes as it goes has written the article, updated an actor
	// and linked it before it fails.
	badActor := a2
	badActor.Actors = []dyad.Actor{actRojas, {Name: "Nobody", Code: "XXX"}}
	for name, a := range map[string]*dyad.Analysis{"nil": nil, "no article ID": noID, "actor without ID": badActor} {
		created, err := s.Put(ctx, a)
		if err == nil || created {
			t.Errorf("Put(%s) = %v, %v; want an error", name, created, err)
		}
	}
	if ok, err := s.Has(ctx, a2.Article.ID); err != nil || ok {
		t.Errorf("Has(%s) after its failed Put = %v, %v; want false", a2.Article.ID, ok, err)
	}
	if diff := cmp.Diff(before, counts(t, s)); diff != "" {
		t.Errorf("failed Puts changed Counts (-before +after):\n%s", diff)
	}
	if diff := cmp.Diff(articles, mustArticles(t, s, dyad.Filter{}), cmpOpts...); diff != "" {
		t.Errorf("failed Puts changed Articles (-before +after):\n%s", diff)
	}
	gotActors, err := s.Actors(ctx, dyad.Filter{})
	check(t, "Actors after failed Puts", actors, gotActors, err)

	// The article can still be stored once fixed.
	_, fixed, _ := corpus()
	put(t, s, fixed)
}

// testCancelledPut checks that a Put whose context ends, before or while
// it runs, stores all of the analysis or none of it.
func testCancelledPut(t *testing.T, s dyad.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	a1, _, _ := corpus()
	if created, err := s.Put(ctx, a1); err == nil || created {
		t.Errorf("Put with a cancelled context = %v, %v; want an error", created, err)
	}
	if c := counts(t, s); c != (dyad.Counts{}) {
		t.Errorf("Counts after a cancelled Put = %+v, want zero", c)
	}

	// A large analysis, cancelled at increasing delays: whatever the
	// moment, the article is complete or absent.
	big := Sample(1000)
	for i := range 2000 {
		m := big.Mentions[i%len(big.Mentions)]
		big.Mentions = append(big.Mentions, m)
	}
	delays := []time.Duration{0, 100 * time.Microsecond, time.Millisecond, 5 * time.Millisecond, 20 * time.Millisecond, time.Hour}
	for i, delay := range delays {
		a := *big
		a.Article.ID = fmt.Sprintf("c%015d", i)
		ctx, cancel := context.WithTimeout(context.Background(), delay)
		created, err := s.Put(ctx, &a)
		cancel()
		has, herr := s.Has(context.Background(), a.Article.ID)
		if herr != nil {
			t.Fatal(herr)
		}
		if has != (err == nil) || created != (err == nil) {
			t.Errorf("Put cancelled after %v = %v, %v; then Has = %v", delay, created, err, has)
		}
		if !has {
			continue
		}
		as, err := s.Articles(context.Background(), dyad.Filter{Actor: "lena-holm", Query: "memorandum"})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(as, func(x dyad.Article) bool { return x.ID == a.Article.ID }) {
			t.Errorf("article %s is stored but not complete", a.Article.ID)
		}
	}
	c := counts(t, s)
	if c.Mentions != c.Articles*len(big.Mentions) {
		t.Errorf("%d mentions for %d articles of %d mentions: a cancelled Put left a part behind",
			c.Mentions, c.Articles, len(big.Mentions))
	}
}

// testStories checks the story membership a dyad.StoryStore keeps: which
// articles wait for a story, in publication order (undated first), and
// the stories read back by article, date and filter.
func testStories(t *testing.T, s dyad.Store) {
	ss, ok := s.(dyad.StoryStore)
	if !ok {
		t.Skip("the store keeps no stories")
	}
	ctx := context.Background()
	a1, a2, a3 := corpus()
	put(t, s, a1, a2, a3)
	unassigned := func(limit int, want ...string) {
		t.Helper()
		got, err := ss.Unassigned(ctx, limit)
		check(t, fmt.Sprintf("Unassigned(%d)", limit), want, got, err)
	}
	set := func(ms ...dyad.StoryMember) {
		t.Helper()
		if err := ss.SetStories(ctx, ms); err != nil {
			t.Fatal(err)
		}
	}
	unassigned(10, idA3, idA1, idA2)
	unassigned(2, idA3, idA1)
	set(dyad.StoryMember{Article: idA3, Story: "s1"}, dyad.StoryMember{Article: idA1, Story: "s1"})
	unassigned(10, idA2)
	set(dyad.StoryMember{Article: idA2, Story: "s2"})
	unassigned(10)
	if created, err := s.Put(ctx, a2); err != nil || created { // a Put that changes nothing keeps the story
		t.Fatalf("second Put = %v, %v", created, err)
	}
	unassigned(10)

	for story, want := range map[string][]string{"s1": {idA3, idA1}, "s2": {idA2}, "s3": nil} {
		got, err := ss.StoryArticles(ctx, story)
		check(t, "StoryArticles("+story+")", want, got, err)
	}
	for _, tt := range []struct {
		since time.Time
		want  []dyad.StoryMember
	}{
		{time.Time{}, []dyad.StoryMember{{Article: idA1, Story: "s1"}, {Article: idA2, Story: "s2"}}},
		{timeA1.Add(time.Second), []dyad.StoryMember{{Article: idA2, Story: "s2"}}},
		{timeA2.Add(time.Second), nil},
	} {
		got, err := ss.StoryMembers(ctx, tt.since)
		check(t, fmt.Sprintf("StoryMembers(%s)", tt.since), tt.want, got, err)
	}
	for _, tt := range []struct {
		f    dyad.Filter
		want []string
	}{
		{dyad.Filter{}, []string{"s2", "s1"}},
		{dyad.Filter{Limit: 1}, []string{"s2"}},
		{dyad.Filter{Actor: "igouno"}, []string{"s1"}},
		{dyad.Filter{Actor: "CHL"}, []string{"s2", "s1"}},
		{dyad.Filter{Outlet: "southern post"}, []string{"s2"}},
		{dyad.Filter{Until: timeA2}, []string{"s1"}},
		{dyad.Filter{Query: "santiago"}, []string{"s1"}},
		{dyad.Filter{Actor: "XYZ"}, nil},
	} {
		got, err := ss.StoryIDs(ctx, tt.f)
		check(t, fmt.Sprintf("StoryIDs(%+v)", tt.f), tt.want, got, err)
	}

	// An article may move to another story.
	set(dyad.StoryMember{Article: idA3, Story: "s2"})
	got, err := ss.StoryArticles(ctx, "s2")
	check(t, "StoryArticles(s2) after a move", []string{idA3, idA2}, got, err)
}
