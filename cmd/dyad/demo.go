package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"dyad"
	"dyad/demo"
	"dyad/ingest"
	"dyad/render"
	"dyad/source"
)

// runDemo ingests the bundled demo corpus and shows what dyad found in it.
func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	db := dbFlag(fs)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	var sum ingest.Summary
	err := withStore(ctx, *db, func(store dyad.Store) error {
		p, err := (*readFlags)(nil).pipeline(ctx, store)
		if err != nil {
			return err
		}
		sum = ingestAll(ctx, p, stderr, func(emit func(source.Item)) {
			source.ReadFS(ctx, demo.Corpus, source.Options{}, emit)
		})
		fmt.Fprintf(stdout, "Ingested the demo corpus (%d articles by four outlets on three stories) into %s: %s.\n",
			len(demo.Files()), shown(*db), sum)
		return showStore(ctx, stdout, store)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, `
Query further:
  dyad articles --db %[1]s --q ceasefire
  dyad actors   --db %[1]s --format csv
  dyad quotes   --db %[1]s --actor TUR
  dyad figures  --db %[1]s --since 2026-01-01 --format json
  dyad events   --db %[1]s --dyad TUR-IGOEUREEC --undirected
  dyad export events --db %[1]s --format parquet --out events.parquet
  dyad analyze  FILE --json      (one article, everything found, with byte offsets)
  dyad ingest   --db %[1]s DIR_OR_URL...

See it in the browser: dyad serve --db %[1]s  (then open http://127.0.0.1:8080/)
`, *db)
	if sum.Failed > 0 {
		return errFailed
	}
	return nil
}

// showStore prints what a store holds: counts, the actors mentioned most,
// and the first quotes, figures and events.
func showStore(ctx context.Context, w io.Writer, store dyad.Store) error {
	n, err := store.Counts(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "The store holds %d articles, %d actors, %d mentions, %d quotes, %d figures and %d events.\n",
		n.Articles, n.Actors, n.Mentions, n.Quotes, n.Figures, n.Events)
	actors, err := store.Actors(ctx, dyad.Filter{Limit: 12})
	if err := section(w, "Actors mentioned most", n.Actors, actors, err, actorCols); err != nil {
		return err
	}
	quotes, err := store.Quotes(ctx, dyad.Filter{Limit: 8})
	if err := section(w, "Quotes", n.Quotes, quotes, err, quoteCols); err != nil {
		return err
	}
	figures, err := store.Figures(ctx, dyad.Filter{Limit: 10})
	if err := section(w, "Figures", n.Figures, figures, err, figureCols); err != nil {
		return err
	}
	events, err := store.Events(ctx, dyad.Filter{Limit: 10})
	return section(w, "Events", n.Events, events, err, eventCols)
}

// section prints the first records of total under a title, or the error
// that fetching them gave.
func section[T any](w io.Writer, title string, total int, records []T, err error, cols []render.Column[T]) error {
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%s (%d of %d)\n", title, len(records), total)
	return render.Records(w, render.Table, records, cols)
}
