package render

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"dyad"
)

// Comparison prints how the voices of story st told it, as a readable
// report: the voices, then the figures, quotes, events and actors lined up
// across them, conflicts and what only one voice reports first.
func Comparison(w io.Writer, st dyad.Story, c dyad.Comparison) error {
	voice := func(i int) string {
		if i < 0 || i >= len(c.Voices) {
			return "?"
		}
		return strings.Join(c.Voices[i].Outlets, " = ")
	}
	voices := func(is []int) string {
		names := make([]string, len(is))
		for k, i := range is {
			names[k] = voice(i)
		}
		return strings.Join(names, "; ")
	}
	fmt.Fprintf(w, "Story %s: %s\n", st.ID, oneLine(st.Headline))
	if !st.First.IsZero() {
		fmt.Fprintf(w, "%s to %s, %d articles\n", st.First.Format("2006-01-02"), st.Last.Format("2006-01-02"), len(st.Articles))
	}
	fmt.Fprintf(w, "\nVoices (near-duplicate copies count as one)\n")
	for i, v := range c.Voices {
		fmt.Fprintf(w, "  %d. %s: %d articles, %d actors, %d figures, %d quotes, %d events\n",
			i+1, voice(i), len(v.Articles), len(v.Actors), len(v.Figures), len(v.Quotes), len(v.Events))
	}
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	section := func(title string, n int) {
		tw.Flush()
		fmt.Fprintf(w, "\n%s (%d)\n", title, n)
	}
	section("Figures", len(c.Figures))
	for _, f := range ordered(c.Figures, func(f dyad.FigureAlignment) string { return f.Outcome }) {
		what := strings.TrimSpace(f.Quantity + " " + f.Period)
		var claims []string
		for _, cl := range f.Claims {
			claims = append(claims, fmt.Sprintf("%s %q (%s %s)", voice(cl.Voice), oneLine(cl.Text), strconv.FormatFloat(cl.Value, 'f', -1, 64), cl.Unit))
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", f.Outcome, Cut(what, 30), strings.Join(claims, " · "))
	}
	section("Quotes", len(c.Quotes))
	for _, q := range ordered(c.Quotes, func(q dyad.QuoteAlignment) string { return q.Outcome }) {
		var claims []string
		for _, cl := range q.Claims {
			claims = append(claims, fmt.Sprintf("%s %q", voice(cl.Voice), Cut(oneLine(cl.Text), 70)))
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", q.Outcome, q.Speaker, strings.Join(claims, " · "))
	}
	section("Events", len(c.Events))
	for _, e := range ordered(c.Events, func(e dyad.EventAlignment) string { return e.Outcome }) {
		fmt.Fprintf(tw, "  %s\t%s → %s %s\t%s\n", e.Outcome, e.Source, e.Target, e.Root, voices(e.Voices))
	}
	section("Actors", len(c.Actors))
	for _, a := range ordered(c.Actors, func(a dyad.ActorAlignment) string { return a.Outcome }) {
		fmt.Fprintf(tw, "  %s\t%s (%s)\t%s\n", a.Outcome, a.Name, a.Code, voices(a.Voices))
	}
	return tw.Flush()
}

// outcomeOrder puts what differs first: conflicts, what only one voice
// has, partial and paraphrased quotes, then what the voices share.
var outcomeOrder = map[string]int{dyad.Conflict: 0, dyad.Only: 1, dyad.Partial: 2, dyad.Paraphrase: 3}

// ordered returns items sorted by outcome (see outcomeOrder), stably.
func ordered[T any](items []T, outcome func(T) string) []T {
	rank := func(t T) int {
		if r, ok := outcomeOrder[outcome(t)]; ok {
			return r
		}
		return len(outcomeOrder)
	}
	out := slices.Clone(items)
	slices.SortStableFunc(out, func(a, b T) int { return cmp.Compare(rank(a), rank(b)) })
	return out
}
