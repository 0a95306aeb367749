package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"dyad"
	"dyad/demo"
	"dyad/render"
	"dyad/source"
	"dyad/sqlite"
)

// runDemo ingests the bundled demo corpus and shows what dyad found in it.
func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	db := dbFlag(fs)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	store, err := sqlite.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	sum := ingestAll(ctx, store, stderr, func(emit func(source.Item)) {
		source.ReadFS(ctx, demo.Corpus, source.Options{}, emit)
	})
	fmt.Fprintf(stdout, "Ingested the demo corpus (%d articles by four outlets on three stories) into %s: %s.\n", len(demo.Files()), *db, sum)
	n, err := store.Counts(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "The store holds %d articles, %d actors, %d mentions, %d quotes, %d figures and %d events.\n",
		n.Articles, n.Actors, n.Mentions, n.Quotes, n.Figures, n.Events)

	actors, err := store.Actors(ctx, dyad.Filter{Limit: 12})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\nActors mentioned most\n")
	if err := render.Records(stdout, render.Table, actors, actorCols); err != nil {
		return err
	}
	quotes, err := store.Quotes(ctx, dyad.Filter{Limit: 8})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\nQuotes (%d of %d)\n", len(quotes), n.Quotes)
	if err := render.Records(stdout, render.Table, quotes, quoteCols); err != nil {
		return err
	}
	figures, err := store.Figures(ctx, dyad.Filter{Limit: 10})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\nFigures (%d of %d)\n", len(figures), n.Figures)
	if err := render.Records(stdout, render.Table, figures, figureCols); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\nEvents so far: %d. Event coding (CAMEO, PLOVER) is the next stage to land.\n", n.Events)
	fmt.Fprintf(stdout, `
Query further:
  dyad articles --db %[1]s --q ceasefire
  dyad actors   --db %[1]s --format csv
  dyad quotes   --db %[1]s --actor TUR
  dyad figures  --db %[1]s --since 2026-01-01 --format json
  dyad analyze  FILE --json      (one article, everything found, with byte offsets)
  dyad ingest   --db %[1]s DIR_OR_URL...
`, *db)
	if sum.Failed > 0 {
		return errFailed
	}
	return nil
}
