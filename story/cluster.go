// Package story groups articles into stories and compares how outlets told
// each story.
//
// Clustering is online and single-pass: an arriving article joins the most
// similar story active within a time window, or starts a new one. Work per
// article and memory are proportional to the window, not the corpus: old
// stories expire with their centroids, and document frequencies are
// counted over the window only.
package story

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"dyad"
)

// Options set how the Clusterer joins articles.
type Options struct {
	// Window is how far an article's publication date may lie from a
	// story's first and last article for it to join; stories whose last
	// article is older than Window before the latest date seen expire.
	Window time.Duration
	// Threshold is the least score for an article to join a story.
	Threshold float64
	// Weight is the weight of each entity signal (shared actors, event
	// signatures, figures, headline words, years, persons and places
	// named) against the text cosine's 1; 0 clusters on TF-IDF cosine
	// alone.
	Weight float64
}

// DefaultOptions are dyad's clustering settings, tuned on ECB+ dev (see
// README.md in this directory).
func DefaultOptions() Options {
	return Options{Window: 72 * time.Hour, Threshold: 0.2, Weight: 0.1}
}

// BaselineOptions are Event Registry's published method: join the story
// whose centroid has a TF-IDF cosine of at least 0.4, else start one.
func BaselineOptions() Options {
	return Options{Window: 72 * time.Hour, Threshold: 0.4}
}

// Clusterer assigns articles to stories as they arrive. It is not safe for
// concurrent use; it is deterministic: the same articles in the same order
// give the same stories.
type Clusterer struct {
	opt   Options
	vocab map[string]uint32 // terms of active stories' articles
	names []string          // terms by ID
	df    []int             // document frequency by term ID, over those articles
	// postings by term ID: the active stories whose centroid has the
	// term, with its weight there. Scoring walks the article's terms'
	// postings, so a story costs only the terms it shares with the
	// article, without a lookup.
	postings [][]posting
	free     []uint32   // IDs of terms no longer in the window
	docs     int        // articles in active stories
	stories  []*cluster // active, oldest first
	byDoc    map[string]*cluster
	dups     *Index
	latest   time.Time
}

// cluster is an active story.
type cluster struct {
	id          string
	first, last time.Time
	members     []member
	terms       []uint32 // of the centroid, the sum of the members' unit TF-IDF vectors (in postings)
	norm2       float64  // of the centroid
	dot         float64  // centroid · the article being added
	feats       [nsignals]bag
}

// posting is a story's weight of a term in its centroid.
type posting struct {
	s *cluster
	w float64
}

// in returns the index of s's posting in ps, or -1. Postings are short:
// one per active story that has the term.
func (s *cluster) in(ps []posting) int {
	return slices.IndexFunc(ps, func(p posting) bool { return p.s == s })
}

// member is what a story keeps of an article to forget it when it expires.
type member struct {
	id    string
	terms []uint32
}

// signals an article shares with a story, besides its text.
const (
	sigActors = iota
	sigEvents
	sigFigures
	sigHeadline
	sigYears
	sigPersons
	sigPlaces
	nsignals
)

// NewClusterer returns a Clusterer with opt; a zero Window is 72 hours.
func NewClusterer(opt Options) *Clusterer {
	if opt.Window == 0 {
		opt.Window = DefaultOptions().Window
	}
	return &Clusterer{opt: opt, vocab: map[string]uint32{}, byDoc: map[string]*cluster{}, dups: NewIndex()}
}

// Add assigns an to a story and returns the story's ID: the ID of its
// first article. An article without a publication date is taken to be as
// recent as the latest one seen. Adding an article twice returns its story.
func (c *Clusterer) Add(an *dyad.Analysis) string {
	id := an.Article.ID
	if s, ok := c.byDoc[id]; ok {
		return s.id
	}
	t := an.Article.Published
	if t.IsZero() {
		t = c.latest
	}
	if t.After(c.latest) {
		c.latest = t
		c.expire()
	}
	tc := termCounts(an.Article.Text)
	terms := make([]uint32, 0, len(tc))
	// In sorted order, so that term IDs, and sums in ID order, do not
	// depend on map order.
	for _, w := range slices.Sorted(maps.Keys(tc)) {
		tid := c.termID(w)
		terms = append(terms, tid)
		c.df[tid]++
	}
	c.docs++
	v := c.tfidf(tc)
	feats := features(an)
	sig := Sign(an.Article.Text)

	c.dots(v)
	var best *cluster
	if dup, _ := c.dups.Match(&sig); dup != "" {
		// A copy tells the story of what it copies.
		best = c.byDoc[dup]
	} else {
		bestScore := c.opt.Threshold
		for _, s := range c.stories {
			if t.Before(s.first.Add(-c.opt.Window)) || t.After(s.last.Add(c.opt.Window)) {
				continue
			}
			if sc := c.score(s, &feats); sc >= bestScore && (best == nil || sc > bestScore) {
				best, bestScore = s, sc
			}
		}
	}
	if best == nil {
		best = &cluster{id: id, first: t, last: t}
		c.stories = append(c.stories, best)
	}
	c.join(best, member{id, terms}, t, v, &feats)
	c.byDoc[id] = best
	c.dups.Add(id, sig)
	return best.id
}

// tfidf weighs term counts by (1 + log tf) · idf, idf = log((N+1)/(df+1)) + 1
// over the window, and normalizes.
// The vector is sorted by term ID, so that sums over it do not depend on
// map order.
func (c *Clusterer) tfidf(tc map[string]int) []termWeight {
	v := make([]termWeight, 0, len(tc))
	norm := 0.0
	for w, n := range tc {
		id := c.vocab[w]
		x := (1 + math.Log(float64(n))) * (math.Log(float64(c.docs+1)/float64(c.df[id]+1)) + 1)
		v = append(v, termWeight{id, x})
		norm += x * x
	}
	slices.SortFunc(v, func(a, b termWeight) int { return cmp.Compare(a.id, b.id) })
	if norm > 0 {
		norm = math.Sqrt(norm)
		for i := range v {
			v[i].w /= norm
		}
	}
	return v
}

// termID returns the ID of term w, adding it to the vocabulary.
func (c *Clusterer) termID(w string) uint32 {
	if id, ok := c.vocab[w]; ok {
		return id
	}
	var id uint32
	if n := len(c.free); n > 0 {
		id, c.free = c.free[n-1], c.free[:n-1]
	} else {
		id = uint32(len(c.df))
		c.df = append(c.df, 0)
		c.postings = append(c.postings, nil)
		c.names = append(c.names, "")
	}
	c.vocab[w], c.names[id] = id, w
	return id
}

// score is the text cosine to the story's centroid averaged with each
// entity signal that both the article and the story have, weighted by
// Options.Weight; signals that one side lacks (no events before coding, no
// titles) do not count. Years named are the one signal that counts
// against: an article and a story that both name years but share none
// score -1 on it, for they most likely tell two events of one kind (two
// earthquakes, two editions of a summit).
func (c *Clusterer) score(s *cluster, feats *[nsignals]weighted) float64 {
	cos := 0.0
	if s.norm2 > 0 {
		cos = s.dot / math.Sqrt(s.norm2)
	}
	if c.opt.Weight == 0 {
		return cos
	}
	sum, w := cos, 1.0
	for i, f := range feats {
		if len(f) == 0 || s.feats[i].total == 0 {
			continue
		}
		x := fuzzyJaccard(f, &s.feats[i], len(s.members))
		if i == sigYears && x == 0 {
			x = -1
		}
		sum += c.opt.Weight * x
		w += c.opt.Weight
	}
	return sum / w
}

// dots sets each active story's dot to its centroid's dot product with v.
// Each story sums its shared terms in v's order, term ID, so sums do not
// depend on the order of postings.
func (c *Clusterer) dots(v []termWeight) {
	for _, s := range c.stories {
		s.dot = 0
	}
	for _, x := range v {
		for _, p := range c.postings[x.id] {
			p.s.dot += x.w * p.w
		}
	}
}

// join adds m, published at t with vector v and features feats, to s;
// s.dot must be its centroid's dot product with v.
func (c *Clusterer) join(s *cluster, m member, t time.Time, v []termWeight, feats *[nsignals]weighted) {
	s.members = append(s.members, m)
	if t.Before(s.first) {
		s.first = t
	}
	if t.After(s.last) {
		s.last = t
	}
	// |c+v|² = |c|² + 2c·v + |v|², so the norm costs the article's terms.
	s.norm2 += 2 * s.dot
	for _, x := range v {
		if i := s.in(c.postings[x.id]); i >= 0 {
			c.postings[x.id][i].w += x.w
		} else {
			c.postings[x.id] = append(c.postings[x.id], posting{s, x.w})
			s.terms = append(s.terms, x.id)
		}
		s.norm2 += x.w * x.w
	}
	for i, f := range feats {
		s.feats[i].add(f)
	}
}

// expire drops the stories whose last article is more than a window older
// than the latest date, with their centroids and document frequencies.
func (c *Clusterer) expire() {
	keep := c.stories[:0]
	for _, s := range c.stories {
		if !s.last.Add(c.opt.Window).Before(c.latest) {
			keep = append(keep, s)
			continue
		}
		for _, id := range s.terms {
			ps := c.postings[id]
			i := s.in(ps)
			ps[i] = ps[len(ps)-1]
			ps[len(ps)-1] = posting{} // for the collector
			c.postings[id] = ps[:len(ps)-1]
		}
		for _, m := range s.members {
			for _, id := range m.terms {
				if c.df[id]--; c.df[id] == 0 {
					delete(c.vocab, c.names[id])
					c.names[id] = ""
					c.free = append(c.free, id)
				}
			}
			c.docs--
			delete(c.byDoc, m.id)
			c.dups.Remove(m.id)
		}
	}
	clear(c.stories[len(keep):])
	c.stories = keep
}

// Stories returns the active stories (those within a window of the latest
// date seen), oldest first, with their IDs, time spans and articles; see
// Summarize for the rest of a story.
func (c *Clusterer) Stories() []dyad.Story {
	out := make([]dyad.Story, len(c.stories))
	for i, s := range c.stories {
		ids := make([]string, len(s.members))
		for j, m := range s.members {
			ids[j] = m.id
		}
		out[i] = dyad.Story{ID: s.id, First: s.first, Last: s.last, Articles: ids}
	}
	return out
}

// features returns the article's entity signals. The years the text names
// place it in time when publication dates do not tell stories apart (the
// undated ECB+ texts; a story that recurs, like an annual summit). Persons
// (by surname) and places are weighed by how often the text names them,
// so that two stories of one kind differ by who and where they are mostly
// about, not by the names they share in passing.
func features(an *dyad.Analysis) [nsignals]weighted {
	var f [nsignals]map[string]float64
	for i := range f {
		f[i] = map[string]float64{}
	}
	for _, a := range an.Actors {
		f[sigActors][a.ID] = 1
	}
	for _, e := range an.Events {
		f[sigEvents][e.Source.Code+">"+e.Target.Code+":"+e.Root] = 1
	}
	for _, x := range an.Figures {
		f[sigFigures][x.Unit+" "+strconv.FormatFloat(x.Value, 'g', -1, 64)] = 1
	}
	for _, d := range an.Dates {
		if len(d.Value) >= 4 {
			f[sigYears][d.Value[:4]] = 1
		}
	}
	for w := range termCounts(an.Article.Title) {
		f[sigHeadline][w] = 1
	}
	for _, m := range an.Mentions {
		ws := words(m.Text)
		if len(ws) == 0 {
			continue
		}
		switch m.Type {
		case dyad.PER:
			// The surname, so that "Warren Jeffs" and "Jeffs" agree;
			// pronouns are stopwords.
			if w := ws[len(ws)-1]; !stopwords[w] {
				f[sigPersons][w]++
			}
		case dyad.LOC:
			f[sigPlaces][strings.Join(ws, " ")]++
		}
	}
	var out [nsignals]weighted
	for i, m := range f {
		top := 0.0
		for _, n := range m {
			top = max(top, n)
		}
		for k, n := range m {
			m[k] = n / top
		}
		out[i] = newWeighted(m)
	}
	return out
}
