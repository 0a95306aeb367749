package http

import (
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"dyad"
)

// count is n events of quad q with Goldstein sum g between src and tgt on
// day.
func count(day, src, tgt string, q, n int, g float64) dyad.EventCount {
	return dyad.EventCount{Day: day, Source: dyad.EventActor{Code: src, Name: src},
		Target: dyad.EventActor{Code: tgt, Name: tgt}, Quad: q, Events: n, Goldstein: g}
}

func TestSeriesBuckets(t *testing.T) {
	counts := []dyad.EventCount{
		count("2026-03-10", "ISR", "AZE", 1, 1, 2),   // Tuesday of ISO week 11
		count("2026-03-15", "ISR", "AZE", 4, 1, -10), // Sunday, same week
		count("2026-03-16", "AZE", "ISR", 3, 1, -4),  // Monday, week 12
		count("2026-04-01", "AZE", "ISR", 2, 1, 6),
		count("", "ISR", "AZE", 1, 1, 1), // no date at all
		count("2026-03-20", "ISR", "AZE", 1, 1, 3),
	}
	tests := []struct {
		by      string
		periods []string
		starts  []string
		counts  []int
	}{
		{"day", []string{"2026-03-10", "2026-03-15", "2026-03-16", "2026-03-20", "2026-04-01"},
			[]string{"2026-03-10", "2026-03-15", "2026-03-16", "2026-03-20", "2026-04-01"}, []int{1, 1, 1, 1, 1}},
		{"week", []string{"2026-W11", "2026-W12", "2026-W14"}, []string{"2026-03-09", "2026-03-16", "2026-03-30"}, []int{2, 2, 1}},
		{"month", []string{"2026-03", "2026-04"}, []string{"2026-03-01", "2026-04-01"}, []int{4, 1}},
	}
	for _, tt := range tests {
		buckets, events, undated := series(counts, tt.by)
		var periods, starts []string
		var ns []int
		for _, b := range buckets {
			periods, starts, ns = append(periods, b.Period), append(starts, b.Start), append(ns, b.Events)
		}
		if events != 6 || undated != 1 || !reflect.DeepEqual(periods, tt.periods) || !reflect.DeepEqual(starts, tt.starts) || !reflect.DeepEqual(ns, tt.counts) {
			t.Errorf("by %s: periods %v starting %v with %v events, %d of %d undated; want %v starting %v with %v, 1 of 6 undated",
				tt.by, periods, starts, ns, undated, events, tt.periods, tt.starts, tt.counts)
		}
	}
	buckets, _, _ := series(counts, "month")
	if want := (Bucket{Period: "2026-03", Start: "2026-03-01", Events: 4, Quad: [4]int{2, 0, 1, 1}, GoldsteinSum: -9, GoldsteinMean: -2.25}); buckets[0] != want {
		t.Errorf("March = %+v, want %+v", buckets[0], want)
	}
}

func TestNetworkLinks(t *testing.T) {
	net := network([]dyad.EventCount{
		count("2026-01-01", "ISR", "AZE", 1, 1, 2),
		count("2026-01-02", "ISR", "AZE", 4, 1, -10),
		count("2026-01-02", "AZE", "ISR", 1, 1, 3),
		count("2026-01-02", "TUR", "AZE", 3, 1, -4),
		count("2026-01-02", "ISR", "ISR", 1, 1, 1), // a state acting on itself: no link
		count("2026-01-02", "", "ISR", 1, 1, 1),    // a side without a code: no link
	})
	want := Network{
		Nodes: []Node{{"AZE", "AZE", 4}, {"ISR", "ISR", 3}, {"TUR", "TUR", 1}},
		Links: []Link{
			{Source: "ISR", Target: "AZE", Weight: 2, Quad: [4]int{1, 0, 0, 1}, GoldsteinMean: -4},
			{Source: "AZE", Target: "ISR", Weight: 1, Quad: [4]int{1, 0, 0, 0}, GoldsteinMean: 3},
			{Source: "TUR", Target: "AZE", Weight: 1, Quad: [4]int{0, 0, 1, 0}, GoldsteinMean: -4},
		},
	}
	if !reflect.DeepEqual(net, want) {
		t.Errorf("network = %+v\nwant %+v", net, want)
	}
}

func TestOutletCounts(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	got := outlets([]dyad.Article{
		{Outlet: "B", Published: day("2026-02-01")},
		{Outlet: "A", Published: day("2026-03-01")},
		{Outlet: "B", Published: day("2026-01-01")},
		{Outlet: "B"},
		{Outlet: "A", Published: day("2026-01-15")},
		{Outlet: ""},
	})
	want := []Outlet{{"B", 3, "2026-01-01", "2026-02-01"}, {"A", 2, "2026-01-15", "2026-03-01"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("outlets = %+v, want %+v", got, want)
	}
}

func TestMetricsHistogram(t *testing.T) {
	m := newMetrics()
	for _, d := range []time.Duration{500 * time.Microsecond, time.Millisecond, 3 * time.Millisecond, 7 * time.Second} {
		m.observe("GET /x", 200, d)
	}
	m.observe("GET /x", 404, time.Millisecond)
	w := httptest.NewRecorder()
	m.ServeHTTP(w, nil)
	for _, line := range []string{
		`dyad_http_requests_total{route="GET /x",code="200"} 4`,
		`dyad_http_requests_total{route="GET /x",code="404"} 1`,
		`dyad_http_request_duration_seconds_bucket{route="GET /x",le="0.001"} 3`, // bounds are inclusive
		`dyad_http_request_duration_seconds_bucket{route="GET /x",le="0.005"} 4`,
		`dyad_http_request_duration_seconds_bucket{route="GET /x",le="5"} 4`,
		`dyad_http_request_duration_seconds_bucket{route="GET /x",le="+Inf"} 5`,
		`dyad_http_request_duration_seconds_count{route="GET /x"} 5`,
	} {
		if !strings.Contains(w.Body.String(), line+"\n") {
			t.Errorf("metrics lack %s:\n%s", line, w.Body)
		}
	}
}
