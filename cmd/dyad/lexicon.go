package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"dyad/lexicon/petrarch"
)

// runLexicon converts published dictionaries into the tables in
// lexicon/data:
//
//	dyad lexicon import-petrarch DIR [--out lexicon/data]
//	dyad lexicon import-plover FILE [--out lexicon/data]
func runLexicon(_ context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError{errors.New("want a subcommand: import-petrarch or import-plover")}
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		return flag.ErrHelp
	}
	var convert func(string) (*petrarch.Result, error)
	switch args[0] {
	case "import-petrarch":
		convert = petrarch.Import
	case "import-plover":
		convert = petrarch.ImportPLOVER
	default:
		return usageError{fmt.Errorf("unknown subcommand %q: want import-petrarch or import-plover", args[0])}
	}
	fs := flag.NewFlagSet("lexicon "+args[0], flag.ContinueOnError)
	out := fs.String("out", "lexicon/data", "directory to write the tables to")
	rest, err := parse(fs, args[1:])
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usageError{fmt.Errorf("%s: want one input path", args[0])}
	}
	res, err := convert(rest[0])
	if err != nil {
		return err
	}
	if err := res.Write(*out); err != nil {
		return err
	}
	for _, e := range res.Skipped {
		warn(stderr, "skipped "+e.Error())
	}
	for _, f := range res.Files {
		fmt.Fprintf(stdout, "%s: %d entries\n", f.Name, f.Entries)
	}
	fmt.Fprintf(stdout, "%d source lines skipped\n", len(res.Skipped))
	return nil
}
