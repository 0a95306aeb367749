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
	"dyad/coder"
	"dyad/extract"
	"dyad/ingest"
	"dyad/lexicon"
	"dyad/render"
	"dyad/source"
)

// readFlags are the flags of commands that read and analyze inputs.
type readFlags struct {
	published        string
	follow           bool
	allowPrivate     bool
	lexicons, actors []string // user dictionaries
}

func addReadFlags(fs *flag.FlagSet) *readFlags {
	r := &readFlags{}
	fs.StringVar(&r.published, "published", "", "publication date for inputs that carry none")
	fs.BoolVar(&r.follow, "follow", false, "fetch the pages feed items link to")
	fs.BoolVar(&r.allowPrivate, "allow-private", false, "allow URLs on loopback and private addresses")
	fs.Func("lexicon", "add a dictionary `FILE` in the lexicon's combined format (repeatable)", func(f string) error {
		r.lexicons = append(r.lexicons, f)
		return nil
	})
	fs.Func("actors", "add a `FILE` of actors in the format of lexicon/data/actors.tsv (repeatable)", func(f string) error {
		r.actors = append(r.actors, f)
		return nil
	})
	return r
}

// lexicon is the embedded lexicon with the user's files added.
func (r *readFlags) lexicon() (*lexicon.Lexicon, error) {
	if r == nil || len(r.lexicons)+len(r.actors) == 0 {
		return lexicon.Default(), nil
	}
	lex := lexicon.New()
	for _, f := range r.lexicons {
		if err := lex.AddFile(f); err != nil {
			return nil, err
		}
	}
	for _, f := range r.actors {
		if err := lex.AddActors(f); err != nil {
			return nil, err
		}
	}
	return lex, nil
}

func (r *readFlags) options() (source.Options, error) {
	pub, err := parseDate("published", r.published)
	return source.Options{Published: pub, Follow: r.follow, AllowPrivate: r.allowPrivate}, err
}

// pipeline is the analysis and coding stages as the flags configure them:
// the embedded models and lexicon plus the user's files. With a store, the
// analyzer knows the people the store has met, and the pipeline stores.
// r may be nil: the defaults.
func (r *readFlags) pipeline(ctx context.Context, store dyad.Store) (*ingest.Pipeline, error) {
	lex, err := r.lexicon()
	if err != nil {
		return nil, err
	}
	a := extract.New(lex)
	if store != nil {
		known, err := store.Actors(ctx, dyad.Filter{})
		if err != nil {
			return nil, fmt.Errorf("load known actors: %w", err)
		}
		for _, k := range known {
			a.People.Learn(k.Actor)
		}
	}
	return &ingest.Pipeline{Analyzer: a, Coder: coder.New(lex), Store: store}, nil
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
	p, err := rf.pipeline(ctx, nil)
	if err != nil {
		return err
	}
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
	queueURL := fs.String("queue", "", "put the articles on the NATS JetStream work queue at `URL` for dyad worker instead of storing them")
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
	done := "ingested into " + shown(*db)
	if *queueURL != "" {
		done = "queued on " + *queueURL
		sum, err = publishAll(ctx, *queueURL, inputs, opts, stderr)
	} else {
		err = withStore(ctx, *db, func(store dyad.Store) error {
			p, err := rf.pipeline(ctx, store)
			if err != nil {
				return err
			}
			sum = ingestAll(ctx, p, stderr, func(emit func(source.Item)) {
				for _, in := range inputs {
					source.Read(ctx, in, opts, emit)
				}
			})
			return nil
		})
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: %s\n", done, sum)
	if sum.Failed > 0 {
		return errFailed
	}
	return ctx.Err()
}

// ingestAll stores every article that read emits, reporting failures one
// line each, with a progress spinner when stderr is a terminal.
func ingestAll(ctx context.Context, p *ingest.Pipeline, stderr io.Writer, read func(emit func(source.Item))) ingest.Summary {
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
	return sum
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
