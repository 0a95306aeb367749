package story

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"

	"dyad"
)

// Compare lines up what the voices of story id reported in ans. A voice is
// an outlet with all its articles in the story; near-duplicate copies join
// the voices of what they copy into one, so a syndicated text counts once.
//
// Figures align when they have the same unit, no contradicting quantity,
// period or actors, and share a quantity word or a period (see
// alignable); quotes align when the same speaker says overlapping words
// (see quoteRelation). Alignment is greedy, closest pairs first, and never
// puts two items of one voice together.
func Compare(id string, ans []*dyad.Analysis) dyad.Comparison {
	c := dyad.Comparison{Story: id, Voices: []dyad.Voice{}, Figures: []dyad.FigureAlignment{},
		Quotes: []dyad.QuoteAlignment{}, Events: []dyad.EventAlignment{}, Actors: []dyad.ActorAlignment{}}
	voiceOf := voices(ans)
	n := 0
	for _, v := range voiceOf {
		n = max(n, v+1)
	}
	c.Voices = make([]dyad.Voice, n)
	var figs []dyad.FigureClaim
	var quotes []dyad.QuoteClaim
	actors := map[string]*dyad.ActorAlignment{}
	events := map[dyad.Signature]*dyad.EventAlignment{}
	tones := make([]map[string]*dyad.ActorTone, n)
	for i, an := range ans {
		vi := voiceOf[i]
		v := &c.Voices[vi]
		a := an.Article
		v.Articles = append(v.Articles, a.ID)
		if a.Outlet != "" && !slices.Contains(v.Outlets, a.Outlet) {
			v.Outlets = append(v.Outlets, a.Outlet)
		}
		for _, x := range an.Actors {
			if !slices.Contains(v.Actors, x.ID) {
				v.Actors = append(v.Actors, x.ID)
			}
			al := actors[x.ID]
			if al == nil {
				al = &dyad.ActorAlignment{Actor: x.ID, Code: x.Code, Name: x.Name}
				actors[x.ID] = al
			}
			if !slices.Contains(al.Voices, vi) {
				al.Voices = append(al.Voices, vi)
			}
		}
		for _, f := range an.Figures {
			if !slices.ContainsFunc(v.Figures, func(g dyad.Figure) bool { return sameFigure(f, g) }) {
				v.Figures = append(v.Figures, f)
				figs = append(figs, dyad.FigureClaim{Voice: vi, Article: a.ID, Figure: f})
			}
		}
		for _, q := range an.Quotes {
			if !slices.ContainsFunc(v.Quotes, func(p dyad.Quote) bool { return p.Text == q.Text }) {
				v.Quotes = append(v.Quotes, q)
				quotes = append(quotes, dyad.QuoteClaim{Voice: vi, Article: a.ID, Quote: q})
			}
		}
		for _, e := range an.Events {
			s := dyad.Signature{Source: e.Source.Code, Target: e.Target.Code, Root: e.Root}
			if !slices.Contains(v.Events, s) {
				v.Events = append(v.Events, s)
			}
			al := events[s]
			if al == nil {
				al = &dyad.EventAlignment{Signature: s}
				events[s] = al
			}
			if !slices.Contains(al.Voices, vi) {
				al.Voices = append(al.Voices, vi)
			}
		}
		if tones[vi] == nil {
			tones[vi] = map[string]*dyad.ActorTone{}
		}
		for _, t := range an.Tones {
			m := tones[vi][t.Actor]
			if m == nil {
				m = &dyad.ActorTone{Actor: t.Actor}
				tones[vi][t.Actor] = m
			}
			m.Sentences += t.Sentences
			m.Positive += t.Positive
			m.Negative += t.Negative
			m.Words += t.Words
		}
	}
	for vi := range c.Voices {
		v := &c.Voices[vi]
		slices.Sort(v.Actors)
		v.Tones = []dyad.ActorTone{}
		for _, t := range tones[vi] {
			if t.Words > 0 {
				t.Score = math.Round(10000*float64(t.Positive-t.Negative)/float64(t.Words)) / 100
			}
			v.Tones = append(v.Tones, *t)
		}
		slices.SortFunc(v.Tones, func(x, y dyad.ActorTone) int { return cmp.Compare(x.Actor, y.Actor) })
	}
	c.Figures = alignFigures(figs)
	c.Quotes = alignQuotes(quotes)
	for _, al := range actors {
		al.Outcome = outcome(al.Voices)
		c.Actors = append(c.Actors, *al)
	}
	slices.SortFunc(c.Actors, func(x, y dyad.ActorAlignment) int {
		return cmp.Or(-cmp.Compare(len(x.Voices), len(y.Voices)), cmp.Compare(x.Actor, y.Actor))
	})
	for _, al := range events {
		al.Outcome = outcome(al.Voices)
		c.Events = append(c.Events, *al)
	}
	slices.SortFunc(c.Events, func(x, y dyad.EventAlignment) int {
		return cmp.Or(-cmp.Compare(len(x.Voices), len(y.Voices)), cmp.Compare(x.Source, y.Source),
			cmp.Compare(x.Target, y.Target), cmp.Compare(x.Root, y.Root))
	})
	return c
}

func outcome(voices []int) string {
	if len(voices) > 1 {
		return dyad.Shared
	}
	return dyad.Only
}

// voices numbers the voices of ans in order of first appearance: articles
// of one outlet, and near-duplicates of each other, share a voice.
func voices(ans []*dyad.Analysis) []int {
	parent := make([]int, len(ans))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(i, j int) {
		if ri, rj := find(i), find(j); ri != rj {
			parent[max(ri, rj)] = min(ri, rj)
		}
	}
	firstOf := map[string]int{}
	for i, an := range ans {
		if o := an.Article.Outlet; o != "" {
			if j, ok := firstOf[o]; ok {
				union(i, j)
			} else {
				firstOf[o] = i
			}
		}
	}
	for i, g := range dupGroups(ans) {
		union(i, g)
	}
	num := map[int]int{}
	out := make([]int, len(ans))
	for i := range ans {
		r := find(i)
		if _, ok := num[r]; !ok {
			num[r] = len(num)
		}
		out[i] = num[r]
	}
	return out
}

func sameFigure(f, g dyad.Figure) bool {
	return f.Unit == g.Unit && f.Value == g.Value && f.Quantity == g.Quantity && f.Period == g.Period
}

// periodSlack is how far apart two day periods may lie and still be the
// same event's: outlets date a clash by when it happened or was reported.
const periodSlack = 2 * 24 * time.Hour

// alignable reports whether two figures may be about the same quantity:
// the same unit; quantities that share a word, or periods that match,
// and neither contradicting (both given but different). The actors a
// figure is about are not compared: the extractor finds them too loosely.
func alignable(f, g dyad.Figure) bool {
	if f.Unit != g.Unit {
		return false
	}
	evidence := false
	if f.Quantity != "" && g.Quantity != "" {
		if !shareWord(f.Quantity, g.Quantity) {
			return false
		}
		evidence = true
	}
	if f.Period != "" && g.Period != "" {
		if !samePeriod(f.Period, g.Period) {
			return false
		}
		evidence = true
	}
	return evidence
}

func shareWord(a, b string) bool {
	ws := set{}
	for w := range termCounts(a) {
		ws[w] = true
	}
	for w := range termCounts(b) {
		if ws[w] {
			return true
		}
	}
	return false
}

// samePeriod: equal, one containing the other ("2025" and "2025-06"), or
// two days within periodSlack.
func samePeriod(a, b string) bool {
	if strings.HasPrefix(a, b) || strings.HasPrefix(b, a) {
		return true
	}
	x, err1 := time.Parse(time.DateOnly, a)
	y, err2 := time.Parse(time.DateOnly, b)
	return err1 == nil && err2 == nil && x.Sub(y).Abs() <= periodSlack
}

// Tolerance is how far a qualifier widens a figure: "about 100" is
// 90-110, "over 100" and "at least 100" are 100-110, "nearly 100" and "up
// to 100" are 90-100. A bare figure allows 0.5% for rounding.
const (
	Tolerance = 0.10
	Rounding  = 0.005
)

var (
	above = set{"over": true, "more than": true, "above": true, "at least": true, "exceeded": true,
		"upwards of": true, "in excess of": true}
	below = set{"nearly": true, "almost": true, "up to": true, "as much as": true, "as many as": true,
		"at most": true, "less than": true, "fewer than": true, "under": true, "below": true, "just under": true}
)

// interval is the range of values a figure allows.
func interval(f dyad.Figure) (lo, hi float64) {
	v := f.Value
	q := strings.ToLower(f.Qualifier)
	switch {
	case q == "":
		lo, hi = v*(1-Rounding), v*(1+Rounding)
	case above[q]:
		lo, hi = v, v*(1+Tolerance)
	case below[q]:
		lo, hi = v*(1-Tolerance), v
	default: // about, around, some, an estimated, roughly, ...
		lo, hi = v*(1-Tolerance), v*(1+Tolerance)
	}
	return min(lo, hi), max(lo, hi)
}

// Agrees reports whether two figures' values are compatible given their
// qualifiers.
func Agrees(f, g dyad.Figure) bool {
	flo, fhi := interval(f)
	glo, ghi := interval(g)
	return flo <= ghi && glo <= fhi
}

// figureDistance orders candidate pairs: agreeing pairs first, then by
// how far apart the values are.
func figureDistance(f, g dyad.Figure) float64 {
	if Agrees(f, g) {
		return 0
	}
	if f.Value <= 0 || g.Value <= 0 {
		return math.Inf(1)
	}
	return math.Abs(math.Log(f.Value / g.Value))
}

// groupPairs greedily joins items, closest pairs first, never putting two
// items of one voice in one group; it returns the groups in order of their
// first item.
func groupPairs(n int, voice func(int) int, dist func(i, j int) (float64, bool)) [][]int {
	type pair struct {
		i, j int
		d    float64
	}
	var pairs []pair
	for i := range n {
		for j := i + 1; j < n; j++ {
			if voice(i) == voice(j) {
				continue
			}
			if d, ok := dist(i, j); ok {
				pairs = append(pairs, pair{i, j, d})
			}
		}
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return cmp.Compare(a.d, b.d) })
	group := make([]int, n)
	members := make([][]int, n)
	for i := range group {
		group[i] = i
		members[i] = []int{i}
	}
	for _, p := range pairs {
		gi, gj := group[p.i], group[p.j]
		if gi == gj || slices.ContainsFunc(members[gi], func(a int) bool {
			return slices.ContainsFunc(members[gj], func(b int) bool { return voice(a) == voice(b) })
		}) {
			continue
		}
		gi, gj = min(gi, gj), max(gi, gj)
		for _, m := range members[gj] {
			group[m] = gi
		}
		members[gi] = append(members[gi], members[gj]...)
		members[gj] = nil
	}
	var out [][]int
	for _, m := range members {
		if len(m) > 0 {
			slices.Sort(m)
			out = append(out, m)
		}
	}
	return out
}

func alignFigures(claims []dyad.FigureClaim) []dyad.FigureAlignment {
	groups := groupPairs(len(claims), func(i int) int { return claims[i].Voice }, func(i, j int) (float64, bool) {
		f, g := claims[i].Figure, claims[j].Figure
		return figureDistance(f, g), alignable(f, g)
	})
	out := make([]dyad.FigureAlignment, 0, len(groups))
	for _, g := range groups {
		al := dyad.FigureAlignment{Outcome: dyad.Only}
		for _, i := range g {
			f := claims[i].Figure
			al.Claims = append(al.Claims, claims[i])
			al.Unit = f.Unit
			if al.Quantity == "" {
				al.Quantity = f.Quantity
			}
			if al.Period == "" || len(f.Period) < len(al.Period) && f.Period != "" {
				al.Period = f.Period
			}
		}
		if len(g) > 1 {
			al.Outcome = dyad.Agree
			for x, i := range g {
				for _, j := range g[x+1:] {
					if !Agrees(claims[i].Figure, claims[j].Figure) {
						al.Outcome = dyad.Conflict
					}
				}
			}
		}
		out = append(out, al)
	}
	return out
}

// Quote relations are decided on the words of the two quotes: Same when
// the words are equal; Partial when the shorter's words all occur, in
// order, in the longer; Paraphrase when at least ParaphraseOverlap of the
// shorter's content words occur in the longer (one reporting in its own
// words what the other quotes).
const ParaphraseOverlap = 0.15

// quoteRelation returns how two quotes by one speaker relate, or "" when
// they seem to say different things.
func quoteRelation(a, b string) string {
	wa, wb := words(a), words(b)
	if slices.Equal(wa, wb) {
		return dyad.Same
	}
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) > 0 && containsRun(wb, wa) {
		return dyad.Partial
	}
	ca, cb := termCounts(a), termCounts(b)
	if len(ca) > len(cb) {
		ca, cb = cb, ca
	}
	shared := 0
	for w := range ca {
		if cb[w] > 0 {
			shared++
		}
	}
	if len(ca) > 0 && float64(shared)/float64(len(ca)) >= ParaphraseOverlap {
		return dyad.Paraphrase
	}
	return ""
}

// containsRun reports whether run occurs contiguously in s.
func containsRun(s, run []string) bool {
	for i := 0; i+len(run) <= len(s); i++ {
		if slices.Equal(s[i:i+len(run)], run) {
			return true
		}
	}
	return false
}

var relationRank = map[string]int{dyad.Same: 0, dyad.Partial: 1, dyad.Paraphrase: 2}

func speakerKey(q dyad.Quote) string {
	if q.Speaker.Actor != "" {
		return q.Speaker.Actor
	}
	return strings.ToLower(q.Speaker.Name)
}

func alignQuotes(claims []dyad.QuoteClaim) []dyad.QuoteAlignment {
	groups := groupPairs(len(claims), func(i int) int { return claims[i].Voice }, func(i, j int) (float64, bool) {
		a, b := claims[i].Quote, claims[j].Quote
		if k := speakerKey(a); k == "" || k != speakerKey(b) {
			return 0, false
		}
		r := quoteRelation(a.Text, b.Text)
		return float64(relationRank[r]), r != ""
	})
	out := make([]dyad.QuoteAlignment, 0, len(groups))
	for _, g := range groups {
		al := dyad.QuoteAlignment{Speaker: speakerKey(claims[g[0]].Quote), Outcome: dyad.Only}
		for _, i := range g {
			al.Claims = append(al.Claims, claims[i])
		}
		if len(g) > 1 {
			// The loosest relation within the group describes it.
			al.Outcome = dyad.Same
			for x, i := range g {
				for _, j := range g[x+1:] {
					r := quoteRelation(claims[i].Text, claims[j].Text)
					if r == "" {
						r = dyad.Paraphrase
					}
					if relationRank[r] > relationRank[al.Outcome] {
						al.Outcome = r
					}
				}
			}
		}
		out = append(out, al)
	}
	return out
}
