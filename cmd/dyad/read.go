package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/schollz/progressbar/v3"

	"dyad"
	"dyad/extract"
	"dyad/ingest"
	"dyad/lexicon"
	"dyad/render"
	"dyad/source"
)

// readFlags are the flags of commands that read inputs.
type readFlags struct {
	published    string
	follow       bool
	allowPrivate bool
}

func addReadFlags(fs *flag.FlagSet) *readFlags {
	r := &readFlags{}
	fs.StringVar(&r.published, "published", "", "publication date for inputs that carry none")
	fs.BoolVar(&r.follow, "follow", false, "fetch the pages feed items link to")
	fs.BoolVar(&r.allowPrivate, "allow-private", false, "allow URLs on loopback and private addresses")
	return r
}

func (r *readFlags) options() (source.Options, error) {
	pub, err := parseDate("published", r.published)
	return source.Options{Published: pub, Follow: r.follow, AllowPrivate: r.allowPrivate}, err
}

// analyzer is the analysis stage as configured here: the embedded lexicon
// and models. With a store, it knows the people the store has met.
func analyzer(ctx context.Context, store dyad.Store) (dyad.Analyzer, error) {
	a := extract.New(lexicon.Default())
	if store == nil {
		return a, nil
	}
	known, err := store.Actors(ctx, dyad.Filter{})
	if err != nil {
		return nil, fmt.Errorf("load known actors: %w", err)
	}
	for _, k := range known {
		a.People.Learn(k.Actor)
	}
	return a, nil
}

func runAnalyze(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	rf := addReadFlags(fs)
	asJSON := fs.Bool("json", false, "print one JSON object per article")
	inputs, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) != 1 {
		return usageError{fmt.Errorf("want one INPUT, got %d", len(inputs))}
	}
	opts, err := rf.options()
	if err != nil {
		return err
	}
	an, err := analyzer(ctx, nil)
	if err != nil {
		return err
	}
	p := &ingest.Pipeline{Analyzer: an}
	failed := false
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	first := true
	source.Read(ctx, inputs[0], opts, func(it source.Item) {
		if it.Err != nil {
			warn(stderr, it.String())
			failed = true
			return
		}
		an, err := p.Analyze(it.Article)
		switch {
		case err != nil:
			warn(stderr, it.Input+": "+err.Error())
			failed = true
		case *asJSON:
			err = enc.Encode(an)
		default:
			if !first {
				fmt.Fprintln(stdout)
			}
			first = false
			err = render.Analysis(stdout, an)
		}
		if err != nil {
			failed = true
		}
	})
	if failed {
		return errFailed
	}
	return nil
}

func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	db := dbFlag(fs)
	rf := addReadFlags(fs)
	inputs, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		return usageError{fmt.Errorf("want at least one INPUT")}
	}
	opts, err := rf.options()
	if err != nil {
		return err
	}
	var sum ingest.Summary
	err = withStore(ctx, *db, func(store dyad.Store) error {
		var err error
		sum, err = ingestAll(ctx, store, stderr, func(emit func(source.Item)) {
			for _, in := range inputs {
				source.Read(ctx, in, opts, emit)
			}
		})
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "ingested into %s: %s\n", *db, sum)
	if sum.Failed > 0 {
		return errFailed
	}
	return ctx.Err()
}

// ingestAll stores every article that read emits, reporting failures one
// line each, with a progress spinner when stderr is a terminal.
func ingestAll(ctx context.Context, store dyad.Store, stderr io.Writer, read func(emit func(source.Item))) (ingest.Summary, error) {
	an, err := analyzer(ctx, store)
	if err != nil {
		return ingest.Summary{}, err
	}
	p := &ingest.Pipeline{Analyzer: an, Store: store}
	var bar *progressbar.ProgressBar
	if isTerminal(stderr) {
		bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("ingesting"), progressbar.OptionShowCount(),
			progressbar.OptionSpinnerType(14), progressbar.OptionClearOnFinish())
		defer bar.Finish()
	}
	var sum ingest.Summary
	read(func(it source.Item) {
		if ctx.Err() != nil {
			return
		}
		var o ingest.Outcome
		err := it.Err
		if err == nil {
			o, err = p.Add(ctx, it.Article)
		}
		sum.Count(o, err)
		if bar != nil {
			_ = bar.Add(1)
		}
		if err != nil {
			if bar != nil {
				_ = bar.Clear()
			}
			warn(stderr, it.Input+": "+err.Error())
		}
	})
	return sum, nil
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
