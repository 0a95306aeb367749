package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"dyad"
	"dyad/render"
)

// exporters write the records of each kind "dyad export" knows.
var exporters = map[string]func(ctx context.Context, store dyad.Store, f dyad.Filter, w io.Writer, format string) error{
	"events":   exporter(dyad.Store.Events, render.EventFields),
	"articles": exporter(dyad.Store.Articles, render.ArticleFields),
	"quotes":   exporter(dyad.Store.Quotes, render.QuoteFields),
	"figures":  exporter(dyad.Store.Figures, render.FigureFields),
}

func exporter[T any](list func(dyad.Store, context.Context, dyad.Filter) ([]T, error), fields []render.Field[T]) func(context.Context, dyad.Store, dyad.Filter, io.Writer, string) error {
	return func(ctx context.Context, store dyad.Store, f dyad.Filter, w io.Writer, format string) error {
		records, err := list(store, ctx, f)
		if err != nil {
			return err
		}
		return render.Export(w, format, records, fields)
	}
}

// runExport writes the records of one kind that pass the filters, for
// other programs: "dyad export KIND --format csv|jsonl|parquet [--out FILE]".
// The event filters apply to events only.
func runExport(ctx context.Context, args []string, stdout, _ io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	ff := addFilterFlags(fs, true)
	format := fs.String("format", render.CSV, "csv, jsonl or parquet")
	out := fs.String("out", "", "write to this file instead of stdout")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{errors.New("want one kind: events, articles, quotes or figures")}
	}
	kind := pos[0]
	export, ok := exporters[kind]
	if !ok {
		return usageError{fmt.Errorf("unknown kind %q: want events, articles, quotes or figures", kind)}
	}
	f, err := ff.filter()
	if err != nil {
		return err
	}
	if kind != "events" && (f.Source != "" || f.Target != "" || f.Undirected || f.CAMEO != "" || f.Quad != 0) {
		return usageError{fmt.Errorf("--dyad, --source, --target, --undirected, --cameo and --quad select events, not %s", kind)}
	}
	if err := render.CheckExportFormat(*format); err != nil {
		return usageError{err}
	}
	if *format == render.Parquet && *out == "" && isTerminal(stdout) {
		return usageError{errors.New("--format parquet: binary output; give --out FILE or redirect stdout")}
	}
	return withStore(ctx, *ff.db, func(store dyad.Store) error {
		if *out == "" {
			return export(ctx, store, f, stdout, *format)
		}
		return writeAtomic(*out, func(w io.Writer) error { return export(ctx, store, f, w, *format) })
	})
}

// writeAtomic writes a file through a temporary file beside it, renamed
// into place when write succeeds: a failed export leaves no partial file.
func writeAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly after the rename
	bw := bufio.NewWriter(tmp)
	if err := errors.Join(write(bw), bw.Flush()); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
