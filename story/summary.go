package story

import (
	"cmp"
	"math"
	"slices"

	"dyad"
)

// dupGroups returns, for each analysis, the index of the first analysis
// it is a near-duplicate of (itself if none).
func dupGroups(ans []*dyad.Analysis) []int {
	x := NewIndex()
	index := map[string]int{}
	group := make([]int, len(ans))
	for i, an := range ans {
		group[i] = i
		sig := Sign(an.Article.Text)
		if m, _ := x.Match(&sig); m != "" {
			group[i] = group[index[m]]
		}
		key := an.Article.ID
		if _, ok := index[key]; ok || key == "" {
			continue
		}
		index[key] = i
		x.Add(key, sig)
	}
	return group
}

// Summarize describes the story id told by ans: its headline (the title of
// the article closest to all the others), time span, outlets,
// near-duplicate groups, top actors and key events, each with how many
// articles and outlets report it.
func Summarize(id string, ans []*dyad.Analysis) dyad.Story {
	st := dyad.Story{ID: id, Articles: []string{}, Outlets: []string{}, Actors: []dyad.StoryActor{}, Events: []dyad.StoryEvent{}}
	if len(ans) == 0 {
		return st
	}
	outlets := set{}
	actors := map[string]*dyad.StoryActor{}
	actorOutlets := map[string]set{}
	events := map[dyad.Signature]*dyad.StoryEvent{}
	eventOutlets := map[dyad.Signature]set{}
	for _, an := range ans {
		a := an.Article
		st.Articles = append(st.Articles, a.ID)
		if t := a.Published; !t.IsZero() {
			if st.First.IsZero() || t.Before(st.First) {
				st.First = t
			}
			if t.After(st.Last) {
				st.Last = t
			}
		}
		outlet := outletOf(a)
		outlets[outlet] = true
		seen := set{}
		for _, x := range an.Actors {
			if seen[x.ID] {
				continue
			}
			seen[x.ID] = true
			if actors[x.ID] == nil {
				actors[x.ID] = &dyad.StoryActor{Actor: x.ID, Code: x.Code, Name: x.Name}
				actorOutlets[x.ID] = set{}
			}
			actors[x.ID].Articles++
			actorOutlets[x.ID][outlet] = true
		}
		seenEv := map[dyad.Signature]bool{}
		for _, e := range an.Events {
			s := dyad.Signature{Source: e.Source.Code, Target: e.Target.Code, Root: e.Root}
			if seenEv[s] {
				continue
			}
			seenEv[s] = true
			if events[s] == nil {
				events[s] = &dyad.StoryEvent{Signature: s}
				eventOutlets[s] = set{}
			}
			events[s].Articles++
			eventOutlets[s][outlet] = true
		}
	}
	for o := range outlets {
		if o != "" && o[0] != '#' {
			st.Outlets = append(st.Outlets, o)
		}
	}
	slices.Sort(st.Outlets)
	for _, a := range actors {
		a.Outlets = len(actorOutlets[a.Actor])
		st.Actors = append(st.Actors, *a)
	}
	slices.SortFunc(st.Actors, func(x, y dyad.StoryActor) int {
		return cmp.Or(-cmp.Compare(x.Articles, y.Articles), -cmp.Compare(x.Outlets, y.Outlets), cmp.Compare(x.Actor, y.Actor))
	})
	for s, e := range events {
		e.Outlets = len(eventOutlets[s])
		st.Events = append(st.Events, *e)
	}
	slices.SortFunc(st.Events, func(x, y dyad.StoryEvent) int {
		return cmp.Or(-cmp.Compare(x.Articles, y.Articles), -cmp.Compare(x.Outlets, y.Outlets),
			cmp.Compare(x.Source, y.Source), cmp.Compare(x.Target, y.Target), cmp.Compare(x.Root, y.Root))
	})
	groups := map[int][]string{}
	for i, g := range dupGroups(ans) {
		groups[g] = append(groups[g], ans[i].Article.ID)
	}
	for g := range ans {
		if len(groups[g]) > 1 {
			st.Duplicates = append(st.Duplicates, groups[g])
		}
	}
	c := central(ans)
	st.Central, st.Headline = ans[c].Article.ID, ans[c].Article.Title
	return st
}

// outletOf names the outlet of a; an article without one is its own
// outlet, marked with '#' so it is not listed.
func outletOf(a dyad.Article) string {
	if a.Outlet != "" {
		return a.Outlet
	}
	return "#" + a.ID
}

// central returns the index of the titled article whose words are closest
// (cosine of log term frequencies) to the sum of all the others'; ties
// and an untitled story go to the earliest.
func central(ans []*dyad.Analysis) int {
	vs := make([]vector, len(ans))
	sum := vector{}
	for i, an := range ans {
		v := vector{}
		for w, n := range termCounts(an.Article.Title + "\n" + an.Article.Text) {
			v[w] = 1 + math.Log(float64(n))
		}
		vs[i] = v.normalize()
		for w, x := range vs[i] {
			sum[w] += x
		}
	}
	ss := sum.dot(sum)
	best, bestCos := 0, -1.0
	for i, v := range vs {
		if ans[i].Article.Title == "" && ans[best].Article.Title != "" {
			continue
		}
		rest := v.dot(sum) - v.dot(v) // v · (sum - v)
		others := ss - 2*v.dot(sum) + v.dot(v)
		cos := 0.0
		if others > 0 {
			cos = rest / math.Sqrt(others)
		}
		if cos > bestCos || ans[best].Article.Title == "" && ans[i].Article.Title != "" {
			best, bestCos = i, cos
		}
	}
	return best
}
