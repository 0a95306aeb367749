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

// query parses the filter flags, opens the store and prints what list
// returns in the chosen format.
func query[T any](ctx context.Context, name string, args []string, stdout io.Writer,
	list func(dyad.Store, context.Context, dyad.Filter) ([]T, error), cols []render.Column[T]) error {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	db := dbFlag(fs)
	var f dyad.Filter
	var since, until, format string
	fs.StringVar(&f.Actor, "actor", "", "actor id, code, country or name")
	fs.StringVar(&f.Outlet, "outlet", "", "outlet name")
	fs.StringVar(&f.Query, "q", "", "full-text query")
	fs.StringVar(&since, "since", "", "published on or after this date")
	fs.StringVar(&until, "until", "", "published before this date")
	fs.StringVar(&format, "format", render.Table, "table, csv or json")
	fs.IntVar(&f.Limit, "limit", 0, "at most this many rows")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{fmt.Errorf("unexpected argument %q", pos[0])}
	}
	if err := render.CheckFormat(format); err != nil {
		return usageError{err}
	}
	if f.Limit < 0 {
		return usageError{fmt.Errorf("--limit %d: want 0 (no limit) or more", f.Limit)}
	}
	if f.Since, err = parseDate("since", since); err != nil {
		return err
	}
	if f.Until, err = parseDate("until", until); err != nil {
		return err
	}
	return withStore(ctx, *db, func(store dyad.Store) error {
		records, err := list(store, ctx, f)
		if err != nil {
			return err
		}
		return render.Records(stdout, format, records, cols)
	})
}

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

var figureCols = withSource(func(f dyad.FigureRecord) dyad.Source { return f.Source },
	render.Column[dyad.FigureRecord]{Name: "qualifier", Value: func(f dyad.FigureRecord) string { return f.Qualifier }},
	render.Column[dyad.FigureRecord]{Name: "value", Value: func(f dyad.FigureRecord) string { return strconv.FormatFloat(f.Value, 'f', -1, 64) }},
	render.Column[dyad.FigureRecord]{Name: "unit", Value: func(f dyad.FigureRecord) string { return f.Unit }},
	render.Column[dyad.FigureRecord]{Name: "quantity", Value: func(f dyad.FigureRecord) string { return f.Quantity }},
	render.Column[dyad.FigureRecord]{Name: "period", Value: func(f dyad.FigureRecord) string { return f.Period }},
	render.Column[dyad.FigureRecord]{Name: "actors", Value: func(f dyad.FigureRecord) string { return strings.Join(f.Actors, " ") }},
	render.Column[dyad.FigureRecord]{Name: "text", Value: func(f dyad.FigureRecord) string { return f.Text }},
)
