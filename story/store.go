package story

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

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

// Service answers for the stories of a store. On a dyad.StoryStore the
// stories are kept in the store: before answering, the Service assigns a
// story to each article that has none, in publication order, with a
// Clusterer seeded from the stories of the last two windows, so that an
// article joins the best story active when it was published, as on
// arrival; a story is then read from its articles alone. On another store
// every call clusters the articles it selects anew (see FromStore).
//
// A Service made by NewService keeps its Clusterer and the summaries of
// the stories it read between calls; the zero state of a Service literal
// starts afresh on each call.
type Service struct {
	Store   dyad.Store
	Options Options
	st      *state
}

// NewService returns a Service on s that keeps its state between calls. It
// is safe for concurrent use.
func NewService(s dyad.Store, opt Options) Service {
	return Service{Store: s, Options: opt, st: newState()}
}

// state is what a Service keeps between calls.
type state struct {
	assign   sync.Mutex
	c        *Clusterer        // nil until seeded
	storyOf  map[string]string // a cluster's ID → its story's, for clusters seeded from the store
	mu       sync.Mutex
	previous map[string]summary // by story ID
}

// summary is a story summarized from its articles.
type summary struct {
	articles []string
	story    dyad.Story
}

// maxSummaries bounds the summaries a Service keeps.
const maxSummaries = 10000

// assignBatch is the number of articles assigned per store transaction.
const assignBatch = 500

func newState() *state {
	return &state{storyOf: map[string]string{}, previous: map[string]summary{}}
}

// state returns the Service's state, or a fresh one for this call.
func (sv Service) state() *state {
	if sv.st != nil {
		return sv.st
	}
	return newState()
}

// Stories returns the stories that name f.Actor and that f.Outlet covers
// with articles passing f's query and dates, latest first, at most f.Limit
// of them.
func (sv Service) Stories(ctx context.Context, f dyad.Filter) ([]dyad.Story, error) {
	ss, ok := sv.Store.(dyad.StoryStore)
	if !ok {
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
	st := sv.state()
	if err := sv.assign(ctx, ss, st); err != nil {
		return nil, err
	}
	ids, err := ss.StoryIDs(ctx, f)
	if err != nil {
		return nil, err
	}
	out := make([]dyad.Story, 0, len(ids))
	for _, id := range ids {
		s, _, err := sv.read(ctx, ss, st, id, false)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	// A story's last article may be one that f does not select.
	slices.SortStableFunc(out, func(a, b dyad.Story) int { return b.Last.Compare(a.Last) })
	return out, nil
}

// Story summarizes story id and compares how its outlets told it, or
// fails with dyad.ErrNotFound. On a StoryStore the story is all its
// articles; on another store, those f selects by its dates.
func (sv Service) Story(ctx context.Context, id string, f dyad.Filter) (dyad.Story, dyad.Comparison, error) {
	ss, ok := sv.Store.(dyad.StoryStore)
	if !ok {
		set, err := FromStore(ctx, sv.Store, dyad.Filter{Since: f.Since, Until: f.Until}, sv.Options)
		if err != nil {
			return dyad.Story{}, dyad.Comparison{}, err
		}
		return set.Story(id)
	}
	st := sv.state()
	if err := sv.assign(ctx, ss, st); err != nil {
		return dyad.Story{}, dyad.Comparison{}, err
	}
	return sv.read(ctx, ss, st, id, true)
}

// read summarizes story id from its articles, and compares them if
// compare is set. A summary of the same articles is reused.
func (sv Service) read(ctx context.Context, ss dyad.StoryStore, st *state, id string, compare bool) (dyad.Story, dyad.Comparison, error) {
	ids, err := ss.StoryArticles(ctx, id)
	if err != nil {
		return dyad.Story{}, dyad.Comparison{}, err
	}
	if len(ids) == 0 {
		return dyad.Story{}, dyad.Comparison{}, fmt.Errorf("story %s: %w", id, dyad.ErrNotFound)
	}
	st.mu.Lock()
	prev, ok := st.previous[id]
	st.mu.Unlock()
	if ok && !compare && slices.Equal(prev.articles, ids) {
		return prev.story, dyad.Comparison{}, nil
	}
	ans := make([]*dyad.Analysis, len(ids))
	for i, aid := range ids {
		if ans[i], err = ss.Analysis(ctx, aid); err != nil {
			return dyad.Story{}, dyad.Comparison{}, err
		}
	}
	s := Summarize(id, ans)
	st.mu.Lock()
	if len(st.previous) >= maxSummaries {
		clear(st.previous)
	}
	st.previous[id] = summary{ids, s}
	st.mu.Unlock()
	var c dyad.Comparison
	if compare {
		c = Compare(id, ans)
	}
	return s, c, nil
}

// assign gives each article without a story one, in batches.
func (sv Service) assign(ctx context.Context, ss dyad.StoryStore, st *state) error {
	st.assign.Lock()
	defer st.assign.Unlock()
	for {
		ids, err := ss.Unassigned(ctx, assignBatch)
		if err != nil || len(ids) == 0 {
			return err
		}
		ans := make([]*dyad.Analysis, len(ids))
		for i, id := range ids {
			if ans[i], err = ss.Analysis(ctx, id); err != nil {
				return err
			}
		}
		if st.c == nil {
			if err := sv.seed(ctx, ss, st, ans); err != nil {
				return err
			}
		}
		members := make([]dyad.StoryMember, len(ids))
		for i, id := range ids {
			cid := st.c.Add(ans[i])
			story, ok := st.storyOf[cid]
			if !ok { // a story this Service started
				story = cid
			}
			members[i] = dyad.StoryMember{Article: id, Story: story}
		}
		if err := ss.SetStories(ctx, members); err != nil {
			return err
		}
	}
}

// seed starts the Clusterer with the articles that have a story and were
// published at most two windows before the first dated article of ans,
// those to assign next, so that these can join the stories still active.
// Each cluster takes the story of its first article.
func (sv Service) seed(ctx context.Context, ss dyad.StoryStore, st *state, ans []*dyad.Analysis) error {
	c := NewClusterer(sv.Options)
	if i := slices.IndexFunc(ans, func(an *dyad.Analysis) bool { return !an.Article.Published.IsZero() }); i >= 0 {
		members, err := ss.StoryMembers(ctx, ans[i].Article.Published.Add(-2*c.opt.Window))
		if err != nil {
			return err
		}
		for _, m := range members {
			an, err := ss.Analysis(ctx, m.Article)
			if err != nil {
				return err
			}
			if cid := c.Add(an); cid == m.Article {
				st.storyOf[cid] = m.Story
			}
		}
	}
	st.c = c
	return nil
}
