package http

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"dyad"
)

// Bucket is one period of a dyad series.
type Bucket struct {
	Period string `json:"period"` // 2026-03-09 (day), 2026-W11 (ISO week), 2026-03 (month)
	Start  string `json:"start"`  // the first day of the period
	Events int    `json:"events"`
	// Quad counts events by QuadClass: [0] verbal cooperation, [1]
	// material cooperation, [2] verbal conflict, [3] material conflict.
	Quad          [4]int  `json:"quad"`
	GoldsteinSum  float64 `json:"goldstein_sum"`
	GoldsteinMean float64 `json:"goldstein_mean"`
}

// Series is a dyad's events counted per period.
type Series struct {
	Source  string   `json:"source"`
	Target  string   `json:"target"`
	By      string   `json:"by"`
	Events  int      `json:"events"`
	Undated int      `json:"undated"` // events with no date, left out of the buckets
	Buckets []Bucket `json:"buckets"`
}

// periods are the bucket widths of a series: each maps a day to the
// period's name and first day.
var periods = map[string]func(time.Time) (string, time.Time){
	"day": func(t time.Time) (string, time.Time) { return t.Format(time.DateOnly), t },
	"week": func(t time.Time) (string, time.Time) {
		y, w := t.ISOWeek()
		monday := t.AddDate(0, 0, -(int(t.Weekday())+6)%7)
		return fmt.Sprintf("%04d-W%02d", y, w), monday
	},
	"month": func(t time.Time) (string, time.Time) {
		return t.Format("2006-01"), time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	},
}

// series buckets event counts by period ("day", "week" or "month"), in
// time order; counts without a day are undated.
func series(counts []dyad.EventCount, by string) (buckets []Bucket, events, undated int) {
	period := periods[by]
	index := map[string]int{}
	for _, c := range counts {
		events += c.Events
		day, err := time.Parse(time.DateOnly, c.Day)
		if err != nil {
			undated += c.Events
			continue
		}
		name, start := period(day)
		i, seen := index[name]
		if !seen {
			i = len(buckets)
			index[name] = i
			buckets = append(buckets, Bucket{Period: name, Start: start.Format(time.DateOnly)})
		}
		b := &buckets[i]
		b.Events += c.Events
		if c.Quad >= 1 && c.Quad <= 4 {
			b.Quad[c.Quad-1] += c.Events
		}
		b.GoldsteinSum += c.Goldstein
	}
	for i := range buckets {
		buckets[i].GoldsteinMean = buckets[i].GoldsteinSum / float64(buckets[i].Events)
	}
	slices.SortFunc(buckets, func(a, b Bucket) int { return cmp.Compare(a.Start, b.Start) })
	return buckets, events, undated
}

// Node is an actor of the network.
type Node struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Events int    `json:"events"` // events it is a side of
}

// Link is a directed pair of actors with the events between them.
type Link struct {
	Source        string  `json:"source"`
	Target        string  `json:"target"`
	Weight        int     `json:"weight"` // number of events
	Quad          [4]int  `json:"quad"`
	GoldsteinMean float64 `json:"goldstein_mean"`
}

// Network is who acted on whom.
type Network struct {
	Nodes []Node `json:"nodes"`
	Links []Link `json:"links"`
}

// network weighs each directed pair of actor codes by its event counts. Events
// with a side lacking a code, or with the same code on both sides, are
// left out. Links come heaviest first, nodes busiest first.
func network(counts []dyad.EventCount) Network {
	type pair struct{ src, tgt string }
	links := map[pair]*Link{}
	nodes := map[string]*Node{}
	node := func(a dyad.EventActor, n int) {
		nd := nodes[a.Code]
		if nd == nil {
			nd = &Node{Code: a.Code, Name: a.Name}
			nodes[a.Code] = nd
		}
		nd.Events += n
	}
	for _, c := range counts {
		s, t := c.Source, c.Target
		if s.Code == "" || t.Code == "" || s.Code == t.Code {
			continue
		}
		node(s, c.Events)
		node(t, c.Events)
		l := links[pair{s.Code, t.Code}]
		if l == nil {
			l = &Link{Source: s.Code, Target: t.Code}
			links[pair{s.Code, t.Code}] = l
		}
		l.Weight += c.Events
		if c.Quad >= 1 && c.Quad <= 4 {
			l.Quad[c.Quad-1] += c.Events
		}
		l.GoldsteinMean += c.Goldstein // a sum until the end
	}
	net := Network{Nodes: []Node{}, Links: []Link{}}
	for _, l := range links {
		l.GoldsteinMean /= float64(l.Weight)
		net.Links = append(net.Links, *l)
	}
	for _, n := range nodes {
		net.Nodes = append(net.Nodes, *n)
	}
	slices.SortFunc(net.Links, func(a, b Link) int {
		return cmp.Or(cmp.Compare(b.Weight, a.Weight), cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target))
	})
	slices.SortFunc(net.Nodes, func(a, b Node) int {
		return cmp.Or(cmp.Compare(b.Events, a.Events), cmp.Compare(a.Code, b.Code))
	})
	return net
}

// Outlet is a source of articles.
type Outlet struct {
	Name     string `json:"name"`
	Articles int    `json:"articles"`
	First    string `json:"first,omitempty"` // earliest publication date
	Last     string `json:"last,omitempty"`  // latest
}

// outlets counts articles per outlet, most articles first.
func outlets(arts []dyad.Article) []Outlet {
	index := map[string]int{}
	out := []Outlet{}
	for _, a := range arts {
		if a.Outlet == "" {
			continue
		}
		i, ok := index[a.Outlet]
		if !ok {
			i = len(out)
			index[a.Outlet] = i
			out = append(out, Outlet{Name: a.Outlet})
		}
		o := &out[i]
		o.Articles++
		if !a.Published.IsZero() {
			d := a.Published.UTC().Format(time.DateOnly)
			if o.First == "" || d < o.First {
				o.First = d
			}
			if d > o.Last {
				o.Last = d
			}
		}
	}
	slices.SortFunc(out, func(a, b Outlet) int {
		return cmp.Or(cmp.Compare(b.Articles, a.Articles), cmp.Compare(a.Name, b.Name))
	})
	return out
}
