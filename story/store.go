package story

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"dyad"
)

// Set is the stories of a store's articles: the articles clustered in
// publication order, as they would have been on arrival.
type Set struct {
	ids     []string                    // stories, in order of their first article
	members map[string][]*dyad.Analysis // by story ID, in order of arrival
}

// FromStore clusters the stored articles that f selects (its article
// conditions: outlet, query, since, until) with opt. Every article is read
// back whole (Store.Analysis), so the cost grows with the articles
// selected: select a time range on large stores.
func FromStore(ctx context.Context, s dyad.Store, f dyad.Filter, opt Options) (*Set, error) {
	arts, err := s.Articles(ctx, dyad.Filter{Outlet: f.Outlet, Query: f.Query, Since: f.Since, Until: f.Until})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(arts, func(a, b dyad.Article) int {
		return cmp.Or(a.Published.Compare(b.Published), cmp.Compare(a.ID, b.ID))
	})
	c := NewClusterer(opt)
	set := &Set{members: map[string][]*dyad.Analysis{}}
	for _, a := range arts {
		an, err := s.Analysis(ctx, a.ID)
		if err != nil {
			return nil, err
		}
		id := c.Add(an)
		if _, ok := set.members[id]; !ok {
			set.ids = append(set.ids, id)
		}
		set.members[id] = append(set.members[id], an)
	}
	return set, nil
}

// Stories summarizes the stories that name actor (an actor ID, code,
// country or name, any case; "" for all) and that outlet covers ("" for
// all), the latest first.
func (s *Set) Stories(actor, outlet string) []dyad.Story {
	var out []dyad.Story
	for _, id := range s.ids {
		st := Summarize(id, s.members[id])
		if (outlet == "" || slices.ContainsFunc(st.Outlets, func(o string) bool { return strings.EqualFold(o, outlet) })) &&
			(actor == "" || names(s.members[id], actor)) {
			out = append(out, st)
		}
	}
	slices.SortStableFunc(out, func(a, b dyad.Story) int { return b.Last.Compare(a.Last) })
	return out
}

// names reports whether an article of ans names actor.
func names(ans []*dyad.Analysis, actor string) bool {
	for _, an := range ans {
		for _, a := range an.Actors {
			for _, v := range [...]string{a.ID, a.Code, a.Country, a.Name} {
				if v != "" && strings.EqualFold(v, actor) {
					return true
				}
			}
		}
	}
	return false
}

// Story summarizes story id and compares how its outlets told it, or
// fails with dyad.ErrNotFound.
func (s *Set) Story(id string) (dyad.Story, dyad.Comparison, error) {
	ans, ok := s.members[id]
	if !ok {
		return dyad.Story{}, dyad.Comparison{}, fmt.Errorf("story %s: %w", id, dyad.ErrNotFound)
	}
	return Summarize(id, ans), Compare(id, ans), nil
}

// Service answers for the stories of a store, clustering its articles
// anew on each call (see FromStore).
type Service struct {
	Store   dyad.Store
	Options Options
}

// Stories clusters the articles f selects by its query and dates, and
// returns the stories that name f.Actor and that f.Outlet covers, latest
// first, at most f.Limit of them.
func (sv Service) Stories(ctx context.Context, f dyad.Filter) ([]dyad.Story, error) {
	set, err := FromStore(ctx, sv.Store, dyad.Filter{Query: f.Query, Since: f.Since, Until: f.Until}, sv.Options)
	if err != nil {
		return nil, err
	}
	out := set.Stories(f.Actor, f.Outlet)
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out, nil
}

// Story summarizes story id of the articles f selects by its dates and
// compares how its outlets told it, or fails with dyad.ErrNotFound.
func (sv Service) Story(ctx context.Context, id string, f dyad.Filter) (dyad.Story, dyad.Comparison, error) {
	set, err := FromStore(ctx, sv.Store, dyad.Filter{Since: f.Since, Until: f.Until}, sv.Options)
	if err != nil {
		return dyad.Story{}, dyad.Comparison{}, err
	}
	return set.Story(id)
}
