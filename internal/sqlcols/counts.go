package sqlcols

import (
	"cmp"
	"slices"
	"time"

	"dyad"
)

// HourFormat is how the SQL stores write the hour of publication by which
// they count events (the table event_counts): text order is time order.
const HourFormat = "2006-01-02T15"

// SplitCounts splits an event filter for a store that counts events by
// hour of publication. counted is the part of whole hours that the counts
// answer; edges are the parts of an hour before and after it, for the
// events themselves to answer. ok is false when the counts answer none of
// it: the filter selects by outlet or full-text query, which they do not
// record, or its dates lie within an hour or two.
func SplitCounts(f dyad.Filter) (counted dyad.Filter, edges []dyad.Filter, ok bool) {
	if f.Outlet != "" || f.Query != "" {
		return f, nil, false
	}
	counted = f
	if !f.Since.IsZero() {
		if counted.Since = f.Since.Truncate(time.Hour); counted.Since.Before(f.Since) {
			counted.Since = counted.Since.Add(time.Hour)
		}
	}
	if !f.Until.IsZero() {
		counted.Until = f.Until.Truncate(time.Hour)
	}
	if !f.Since.IsZero() && !f.Until.IsZero() && !counted.Since.Before(counted.Until) {
		return f, nil, false
	}
	if counted.Since.After(f.Since) {
		e := f
		e.Until = counted.Since
		edges = append(edges, e)
	}
	if counted.Until.Before(f.Until) {
		e := f
		e.Since = counted.Until
		edges = append(edges, e)
	}
	return counted, edges, true
}

// CountEvents answers EventCounts(f) from a store's counts by hour of
// publication, with counted, and from its events, with raw, each for the
// part of f that SplitCounts gives it.
func CountEvents(f dyad.Filter, counted, raw func(dyad.Filter) ([]dyad.EventCount, error)) ([]dyad.EventCount, error) {
	c, edges, ok := SplitCounts(f)
	if !ok {
		return raw(f)
	}
	out, err := counted(c)
	if err != nil || len(edges) == 0 {
		return out, err
	}
	parts := [][]dyad.EventCount{out}
	for _, e := range edges {
		p, err := raw(e)
		if err != nil {
			return nil, err
		}
		parts = append(parts, p)
	}
	return MergeCounts(parts...), nil
}

// MergeCounts adds up the counts of the same day, pair of codes and
// QuadClass from parts, in that order, each pair with the greatest of its
// names, as EventCounts gives them.
func MergeCounts(parts ...[]dyad.EventCount) []dyad.EventCount {
	type key struct {
		day, src, tgt string
		quad          int
	}
	index := map[key]int{}
	var out []dyad.EventCount
	for _, p := range parts {
		for _, c := range p {
			k := key{c.Day, c.Source.Code, c.Target.Code, c.Quad}
			i, ok := index[k]
			if !ok {
				index[k] = len(out)
				out = append(out, c)
				continue
			}
			o := &out[i]
			o.Events += c.Events
			o.Goldstein += c.Goldstein
			o.Source.Name = max(o.Source.Name, c.Source.Name)
			o.Target.Name = max(o.Target.Name, c.Target.Name)
		}
	}
	slices.SortFunc(out, func(a, b dyad.EventCount) int {
		return cmp.Or(cmp.Compare(a.Day, b.Day), cmp.Compare(a.Source.Code, b.Source.Code),
			cmp.Compare(a.Target.Code, b.Target.Code), cmp.Compare(a.Quad, b.Quad))
	})
	return out
}
