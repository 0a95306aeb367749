// Command dyad reads news and keeps a source-linked record of international
// relations. Run "dyad help" for the commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"dyad"
)

const usage = `dyad reads news and keeps a source-linked record of who did what to whom.

Usage:
  dyad demo      [--db PATH]                 ingest the bundled demo corpus and show what it found
  dyad analyze   INPUT [--json]              analyze one input and print what it found
  dyad ingest    INPUT... [--queue URL]      read, analyze and store inputs, or queue them for workers
  dyad worker    [--queue URL] [--db DSN]    store the articles queued on NATS JetStream
  dyad status    [--queue URL] [--json]      show the work queue: depth, workers, rates, failures
  dyad articles  [filters]                   list stored articles
  dyad actors    [filters]                   list stored actors
  dyad quotes    [filters]                   list stored quotes
  dyad figures   [filters]                   list stored figures
  dyad events    [filters] [event filters]   list stored events (who did what to whom)
  dyad export    KIND [filters] --format F   export events|articles|quotes|figures as csv, jsonl or parquet [--out FILE]
  dyad stories   [filters]                   list the stories: articles clustered by what they report
  dyad compare   STORY [--json]              how each outlet told one story: conflicts, omissions, shared facts
  dyad eval      nlp --conllu|--iob2 PATH    score the language models on gold data
  dyad train     tagger|parser|ner [flags]   train a language model
  dyad lexicon   import-petrarch DIR         convert PETRARCH-2 dictionaries into lexicon/data
  dyad lexicon   import-plover FILE          convert the CAMEO to PLOVER table into lexicon/data
  dyad serve     [--addr A] [--token T]      serve the HTTP API and web UI (loopback by default)
  dyad version                               print the version

An INPUT is a file (.txt, .html, .jsonl, .xml/.rss/.atom), a directory, an
http(s) URL or "-" for stdin.

Reading flags (analyze, ingest):
  --published DATE   publication date for inputs that carry none (2026-01-27)
  --follow           fetch the pages that feed items link to
  --allow-private    allow URLs on loopback and private addresses
  --lexicon FILE     add a dictionary in the lexicon's combined format (repeatable)
  --actors FILE      add actors in the format of lexicon/data/actors.tsv (repeatable)

Query filters (articles, actors, quotes, figures, events, export, stories):
  --actor X          actor id, code, country or name (ISR, ISRGOV, gideon-saar)
  --since DATE       published on or after DATE
  --until DATE       published before DATE
  --outlet NAME      outlet name
  --q QUERY          full-text search over titles and texts
  --format F         table, csv or json (default table)
  --limit N          at most N rows

Event filters (events, export events):
  --dyad SRC-TGT     source and target (ISR-AZE), directed unless --undirected
  --source X         source actor (id, code, country or name); --target X the target
  --cameo PREFIX     CAMEO code or prefix (04, 042)
  --quad N           QuadClass: 1 verbal cooperation, 2 material cooperation,
                     3 verbal conflict, 4 material conflict
  --format gdelt     GDELT 2.0 event rows (events only)

Evaluation and training:
  dyad eval nlp --conllu PATH [--json]   tokens, upos, xpos, uas, las (and ner) on CoNLL-U
  dyad eval nlp --iob2 PATH [--json]     ner precision, recall and F1 by type on IOB2
  dyad eval events --plover|--petr PATH [--json]   event coding against PLOVER or PETRARCH-2 gold
  dyad eval stories --ecbplus PATH [--json]        story clustering against ECB+ (B-cubed, pairwise)
  dyad train tagger|parser|ner --train PATH... [--dev PATH...] --out FILE
             [--iterations N] [--seed S]
A PATH is a .conllu or .iob2 file or a directory of them; --train and --dev
may repeat or take comma-separated lists. With --json the last line printed
is one JSON object.

Commands that use the store (demo, ingest and the queries) take --db PATH
(default ./dyad.db).
`

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// errFailed marks a run in which some inputs failed: the rest went through,
// and the failures were reported as they happened.
var errFailed = errors.New("some inputs failed")

type command func(ctx context.Context, args []string, stdout, stderr io.Writer) error

var commands = map[string]command{
	"demo":     runDemo,
	"analyze":  runAnalyze,
	"ingest":   runIngest,
	"worker":   runWorker,
	"status":   runStatus,
	"articles": runArticles,
	"actors":   runActors,
	"quotes":   runQuotes,
	"figures":  runFigures,
	"events":   runEvents,
	"export":   runExport,
	"stories":  runStories,
	"compare":  runCompare,
	"eval":     runEval,
	"train":    runTrain,
	"lexicon":  runLexicon,
	"serve":    runServe,
	"version": func(_ context.Context, _ []string, stdout, _ io.Writer) error {
		_, err := fmt.Fprintln(stdout, "dyad", version)
		return err
	},
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// run runs one command and returns the exit status: 0 on success, 1 when
// something failed, 2 on a usage error.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(stdout, usage)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "dyad: unknown command %q; run \"dyad help\"\n", args[0])
		return 2
	}
	err := cmd(ctx, args[1:], stdout, stderr)
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, usage)
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "dyad %s: %v\n", args[0], err)
		return 2
	case errors.Is(err, errFailed):
		return 1
	}
	fmt.Fprintf(stderr, "dyad %s: %v\n", args[0], err)
	return 1
}

// usageError is a mistake in the command line.
type usageError struct{ error }

// parse parses flags that may stand before, between or after the
// positional arguments ("dyad analyze FILE --json"), returning the
// positional ones.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// parseDate reads a date flag: 2026-01-27 or RFC 3339.
func parseDate(name, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02", time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, usageError{fmt.Errorf("--%s %q: want a date such as 2026-01-27", name, s)}
}

// dbFlag adds --db.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "dyad.db", "SQLite database file, or PostgreSQL database as a postgres:// `URL`")
}

// withStore opens the store at db, runs fn on it and closes it.
func withStore(ctx context.Context, db string, fn func(dyad.Store) error) error {
	store, err := openStore(ctx, db)
	if err != nil {
		return err
	}
	return errors.Join(fn(store), store.Close())
}

// warn prints one line about one input to stderr.
func warn(stderr io.Writer, line string) {
	fmt.Fprintln(stderr, strings.TrimRight(line, "\n"))
}
