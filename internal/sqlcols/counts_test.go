package sqlcols

import (
	"testing"
	"time"

	"dyad"

	"github.com/google/go-cmp/cmp"
)

func TestSplitCounts(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2026, 3, 10, h, m, 0, 0, time.UTC) }
	span := func(since, until time.Time) dyad.Filter {
		return dyad.Filter{Source: "SWE", Since: since, Until: until}
	}
	tests := []struct {
		name    string
		f       dyad.Filter
		counted dyad.Filter
		edges   []dyad.Filter
		ok      bool
	}{
		{"no dates", span(time.Time{}, time.Time{}), span(time.Time{}, time.Time{}), nil, true},
		{"whole hours", span(at(9, 0), at(12, 0)), span(at(9, 0), at(12, 0)), nil, true},
		{"parts of hours", span(at(9, 30), at(12, 15)), span(at(10, 0), at(12, 0)),
			[]dyad.Filter{span(at(9, 30), at(10, 0)), span(at(12, 0), at(12, 15))}, true},
		{"since only", span(at(9, 30), time.Time{}), span(at(10, 0), time.Time{}), []dyad.Filter{span(at(9, 30), at(10, 0))}, true},
		{"until only", span(time.Time{}, at(12, 15)), span(time.Time{}, at(12, 0)), []dyad.Filter{span(at(12, 0), at(12, 15))}, true},
		{"within an hour", span(at(9, 10), at(9, 50)), span(at(9, 10), at(9, 50)), nil, false},
		{"across one hour's end", span(at(9, 10), at(10, 50)), span(at(9, 10), at(10, 50)), nil, false},
		{"outlet", dyad.Filter{Outlet: "x"}, dyad.Filter{Outlet: "x"}, nil, false},
		{"query", dyad.Filter{Query: "x"}, dyad.Filter{Query: "x"}, nil, false},
	}
	for _, tt := range tests {
		counted, edges, ok := SplitCounts(tt.f)
		if ok != tt.ok || !cmp.Equal(counted, tt.counted) || !cmp.Equal(edges, tt.edges) {
			t.Errorf("%s: SplitCounts = %+v, %+v, %v; want %+v, %+v, %v", tt.name, counted, edges, ok, tt.counted, tt.edges, tt.ok)
		}
	}
}

func TestMergeCounts(t *testing.T) {
	c := func(day, src, srcName string, quad, events int, g float64) dyad.EventCount {
		return dyad.EventCount{Day: day, Source: dyad.EventActor{Code: src, Name: srcName}, Target: dyad.EventActor{Code: "NOR"},
			Quad: quad, Events: events, Goldstein: g}
	}
	got := MergeCounts(
		[]dyad.EventCount{c("2026-03-10", "SWE", "Sweden", 1, 2, 3), c("2026-03-11", "SWE", "Sweden", 1, 1, 1)},
		[]dyad.EventCount{c("2026-03-09", "SWE", "Sweden", 1, 1, 1), c("2026-03-10", "SWE", "Swedes", 1, 1, -1), c("2026-03-10", "SWE", "Sweden", 4, 1, -9)},
	)
	want := []dyad.EventCount{
		c("2026-03-09", "SWE", "Sweden", 1, 1, 1),
		c("2026-03-10", "SWE", "Swedes", 1, 3, 2),
		c("2026-03-10", "SWE", "Sweden", 4, 1, -9),
		c("2026-03-11", "SWE", "Sweden", 1, 1, 1),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("MergeCounts (-want +got):\n%s", diff)
	}
}
