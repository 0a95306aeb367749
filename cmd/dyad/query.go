package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"dyad"
	"dyad/render"
)

// filterFlags are the flags that select records, for queries and exports.
type filterFlags struct {
	db                   *string
	f                    dyad.Filter
	since, until, dyad   string
	events               bool // the event filters are defined
	source, target, quad string
}

// addFilterFlags adds the filters; with events, the event filters too.
func addFilterFlags(fs *flag.FlagSet, events bool) *filterFlags {
	ff := &filterFlags{db: dbFlag(fs), events: events}
	fs.StringVar(&ff.f.Actor, "actor", "", "actor id, code, country or name")
	fs.StringVar(&ff.f.Outlet, "outlet", "", "outlet name")
	fs.StringVar(&ff.f.Query, "q", "", "full-text query")
	fs.StringVar(&ff.since, "since", "", "published on or after this date")
	fs.StringVar(&ff.until, "until", "", "published before this date")
	fs.IntVar(&ff.f.Limit, "limit", 0, "at most this many rows")
	if events {
		fs.StringVar(&ff.dyad, "dyad", "", "SRC-TGT: events of SRC towards TGT")
		fs.StringVar(&ff.source, "source", "", "the source: actor id, code, country or name")
		fs.StringVar(&ff.target, "target", "", "the target: actor id, code, country or name")
		fs.BoolVar(&ff.f.Undirected, "undirected", false, "match the dyad in both directions")
		fs.StringVar(&ff.f.CAMEO, "cameo", "", "CAMEO code prefix (04 matches 040-046)")
		fs.StringVar(&ff.quad, "quad", "", "QuadClass 1-4")
	}
	return ff
}

// filter checks the flags and returns the filter they give.
func (ff *filterFlags) filter() (dyad.Filter, error) {
	f := ff.f
	var err error
	if f.Limit < 0 {
		return f, usageError{fmt.Errorf("--limit %d: want 0 (no limit) or more", f.Limit)}
	}
	if f.Since, err = parseDate("since", ff.since); err != nil {
		return f, err
	}
	if f.Until, err = parseDate("until", ff.until); err != nil {
		return f, err
	}
	if !ff.events {
		return f, nil
	}
	f.Source, f.Target = ff.source, ff.target
	if ff.dyad != "" {
		src, tgt, ok := strings.Cut(ff.dyad, "-")
		if !ok || src == "" || tgt == "" || strings.Contains(tgt, "-") {
			return f, usageError{fmt.Errorf("--dyad %s: want SRC-TGT (for names with a dash use --source and --target)", ff.dyad)}
		}
		if f.Source != "" || f.Target != "" {
			return f, usageError{fmt.Errorf("--dyad %s: give either --dyad or --source/--target", ff.dyad)}
		}
		f.Source, f.Target = src, tgt
	}
	if f.CAMEO != "" && (len(f.CAMEO) > 4 || strings.Trim(f.CAMEO, "0123456789") != "") {
		return f, usageError{fmt.Errorf("--cameo %s: want a CAMEO code or its prefix, such as 04 or 042", f.CAMEO)}
	}
	if ff.quad != "" {
		q, err := strconv.Atoi(ff.quad)
		if err != nil || q < 1 || q > 4 {
			return f, usageError{fmt.Errorf("--quad %s: want 1-4", ff.quad)}
		}
		f.Quad = q
	}
	return f, nil
}

// query parses the filter flags, opens the store and prints what list
// returns in the chosen format.
func query[T any](ctx context.Context, name string, args []string, stdout io.Writer,
	list func(dyad.Store, context.Context, dyad.Filter) ([]T, error), cols []render.Column[T]) error {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	ff := addFilterFlags(fs, false)
	format := fs.String("format", render.Table, "table, csv or json")
	f, err := parseFilter(fs, ff, args)
	if err != nil {
		return err
	}
	if err := render.CheckFormat(*format); err != nil {
		return usageError{err}
	}
	return withStore(ctx, *ff.db, func(store dyad.Store) error {
		records, err := list(store, ctx, f)
		if err != nil {
			return err
		}
		return render.Records(stdout, *format, records, cols)
	})
}

// parseFilter parses args, which must have no positional argument, and
// returns the filter of the flags.
func parseFilter(fs *flag.FlagSet, ff *filterFlags, args []string) (dyad.Filter, error) {
	pos, err := parse(fs, args)
	if err != nil {
		return dyad.Filter{}, err
	}
	if len(pos) > 0 {
		return dyad.Filter{}, usageError{fmt.Errorf("unexpected argument %q", pos[0])}
	}
	return ff.filter()
}

// runEvents lists events. Besides the query formats it prints GDELT 2.0
// event rows (render.GDELT).
func runEvents(ctx context.Context, args []string, stdout, _ io.Writer) error {
	fs := flag.NewFlagSet("events", flag.ContinueOnError)
	ff := addFilterFlags(fs, true)
	format := fs.String("format", render.Table, "table, csv, json or gdelt")
	f, err := parseFilter(fs, ff, args)
	if err != nil {
		return err
	}
	if *format != gdelt {
		if err := render.CheckFormat(*format); err != nil {
			return usageError{fmt.Errorf("unknown format %q (want table, csv, json or gdelt)", *format)}
		}
	}
	return withStore(ctx, *ff.db, func(store dyad.Store) error {
		events, err := store.Events(ctx, f)
		if err != nil {
			return err
		}
		if *format != gdelt {
			return render.Records(stdout, *format, events, eventCols)
		}
		return render.GDELT(stdout, events)
	})
}

// gdelt is the events-only format.
const gdelt = "gdelt"

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

var sourceCols = []render.Column[dyad.Source]{
	{Name: "published", Value: func(s dyad.Source) string { return day(s.Published) }},
	{Name: "outlet", Value: func(s dyad.Source) string { return s.Outlet }},
}

// withSource prefixes the columns of a record type with its source's.
func withSource[T any](source func(T) dyad.Source, cols ...render.Column[T]) []render.Column[T] {
	out := make([]render.Column[T], 0, len(sourceCols)+len(cols)+1)
	for _, c := range sourceCols {
		out = append(out, render.Column[T]{Name: c.Name, Value: func(r T) string { return c.Value(source(r)) }})
	}
	out = append(out, cols...)
	return append(out, render.Column[T]{Name: "article", Value: func(r T) string { return source(r).ArticleID }})
}

func runArticles(ctx context.Context, args []string, stdout, _ io.Writer) error {
	return query(ctx, "articles", args, stdout, dyad.Store.Articles, articleCols)
}

func runActors(ctx context.Context, args []string, stdout, _ io.Writer) error {
	return query(ctx, "actors", args, stdout, dyad.Store.Actors, actorCols)
}

func runQuotes(ctx context.Context, args []string, stdout, _ io.Writer) error {
	return query(ctx, "quotes", args, stdout, dyad.Store.Quotes, quoteCols)
}

func runFigures(ctx context.Context, args []string, stdout, _ io.Writer) error {
	return query(ctx, "figures", args, stdout, dyad.Store.Figures, figureCols)
}

var articleCols = []render.Column[dyad.Article]{
	{Name: "id", Value: func(a dyad.Article) string { return a.ID }},
	{Name: "published", Value: func(a dyad.Article) string { return day(a.Published) }},
	{Name: "outlet", Value: func(a dyad.Article) string { return a.Outlet }},
	{Name: "title", Value: func(a dyad.Article) string { return a.Title }},
	{Name: "url", Value: func(a dyad.Article) string { return a.URL }},
}

var actorCols = []render.Column[dyad.ActorSummary]{
	{Name: "id", Value: func(a dyad.ActorSummary) string { return a.ID }},
	{Name: "code", Value: func(a dyad.ActorSummary) string { return a.Code }},
	{Name: "name", Value: func(a dyad.ActorSummary) string { return a.Name }},
	{Name: "kind", Value: func(a dyad.ActorSummary) string { return a.Kind }},
	{Name: "role", Value: func(a dyad.ActorSummary) string { return a.Role }},
	{Name: "articles", Value: func(a dyad.ActorSummary) string { return strconv.Itoa(a.Articles) }},
	{Name: "mentions", Value: func(a dyad.ActorSummary) string { return strconv.Itoa(a.Mentions) }},
}

var quoteCols = withSource(func(q dyad.QuoteRecord) dyad.Source { return q.Source },
	render.Column[dyad.QuoteRecord]{Name: "speaker", Value: func(q dyad.QuoteRecord) string { return q.Speaker.Name }},
	render.Column[dyad.QuoteRecord]{Name: "code", Value: func(q dyad.QuoteRecord) string { return q.Speaker.Code }},
	render.Column[dyad.QuoteRecord]{Name: "direct", Value: func(q dyad.QuoteRecord) string { return strconv.FormatBool(q.Direct) }},
	render.Column[dyad.QuoteRecord]{Name: "cue", Value: func(q dyad.QuoteRecord) string { return q.Cue }},
	render.Column[dyad.QuoteRecord]{Name: "text", Value: func(q dyad.QuoteRecord) string { return q.Text }},
)

var eventCols = withSource(func(e dyad.EventRecord) dyad.Source { return e.Source },
	render.Column[dyad.EventRecord]{Name: "date", Value: func(e dyad.EventRecord) string { return e.Date }},
	render.Column[dyad.EventRecord]{Name: "source", Value: func(e dyad.EventRecord) string { return e.Event.Source.Code }},
	render.Column[dyad.EventRecord]{Name: "target", Value: func(e dyad.EventRecord) string { return e.Target.Code }},
	render.Column[dyad.EventRecord]{Name: "cameo", Value: func(e dyad.EventRecord) string { return e.CAMEO }},
	render.Column[dyad.EventRecord]{Name: "quad", Value: func(e dyad.EventRecord) string { return strconv.Itoa(e.Quad) }},
	render.Column[dyad.EventRecord]{Name: "goldstein", Value: func(e dyad.EventRecord) string { return strconv.FormatFloat(e.Goldstein, 'f', -1, 64) }},
	render.Column[dyad.EventRecord]{Name: "plover", Value: func(e dyad.EventRecord) string { return e.PLOVER.Type }},
	render.Column[dyad.EventRecord]{Name: "evidence", Value: func(e dyad.EventRecord) string { return e.Evidence }},
)

var figureCols = withSource(func(f dyad.FigureRecord) dyad.Source { return f.Source },
	render.Column[dyad.FigureRecord]{Name: "qualifier", Value: func(f dyad.FigureRecord) string { return f.Qualifier }},
	render.Column[dyad.FigureRecord]{Name: "value", Value: func(f dyad.FigureRecord) string { return strconv.FormatFloat(f.Value, 'f', -1, 64) }},
	render.Column[dyad.FigureRecord]{Name: "unit", Value: func(f dyad.FigureRecord) string { return f.Unit }},
	render.Column[dyad.FigureRecord]{Name: "quantity", Value: func(f dyad.FigureRecord) string { return f.Quantity }},
	render.Column[dyad.FigureRecord]{Name: "period", Value: func(f dyad.FigureRecord) string { return f.Period }},
	render.Column[dyad.FigureRecord]{Name: "actors", Value: func(f dyad.FigureRecord) string { return strings.Join(f.Actors, " ") }},
	render.Column[dyad.FigureRecord]{Name: "text", Value: func(f dyad.FigureRecord) string { return f.Text }},
)
