package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"time"

	"dyad/eval"
	"dyad/ner"
	"dyad/text"
	"dyad/treebank"
)

// evalCommands are the subcommands of "dyad eval".
var evalCommands = map[string]command{
	"nlp":     runEvalNLP,
	"events":  runEvalEvents,
	"stories": runEvalStories,
}

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError{errors.New("want a subcommand: nlp, events or stories")}
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		return flag.ErrHelp
	}
	cmd, ok := evalCommands[args[0]]
	if !ok {
		return usageError{fmt.Errorf("unknown subcommand %q: want nlp, events or stories", args[0])}
	}
	return cmd(ctx, args[1:], stdout, stderr)
}

func runEvalNLP(_ context.Context, args []string, stdout, _ io.Writer) error {
	fs := flag.NewFlagSet("eval nlp", flag.ContinueOnError)
	conllu := fs.String("conllu", "", "CoNLL-U file or directory of them")
	iob2 := fs.String("iob2", "", "IOB2 entity file or directory of them")
	asJSON := fs.Bool("json", false, "print the scores as one JSON object")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{fmt.Errorf("unexpected argument %q", rest[0])}
	}
	path, read := *conllu, treebank.ReadCoNLLU
	if *iob2 != "" {
		path, read = *iob2, treebank.ReadIOB2
	}
	if (*conllu == "") == (*iob2 == "") {
		return usageError{errors.New("want one of --conllu PATH and --iob2 PATH")}
	}
	gold, err := readGold(path, read)
	if err != nil {
		return err
	}
	// Load the models first, so that the speed printed is the analysis's.
	t0 := time.Now()
	m := defaultModels()
	text.DefaultTagger()
	ner.Default()
	if *iob2 != "" {
		// IOB2 has neither tags nor trees nor raw text: score entities
		// only, found on predicted tags.
		m = eval.Models{Tag: m.Tag, Entities: m.Entities}
	} else {
		text.DefaultParser()
	}
	load := time.Since(t0)
	t0 = time.Now()
	r := eval.EvaluateNLP(gold, m)
	took := time.Since(t0)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		if *iob2 != "" {
			return enc.Encode(entityScores{r.Sentences, r.Words, r.NER})
		}
		return enc.Encode(r)
	}
	return printNLP(stdout, path, r, *iob2 != "", load, took)
}

// entityScores is the JSON of "dyad eval nlp --iob2".
type entityScores struct {
	Sentences int       `json:"sentences"`
	Words     int       `json:"words"`
	NER       *eval.NER `json:"ner"`
}

// readGold reads a file in the format of the flag that named it, or a
// directory of files by their extensions.
func readGold(path string, read func(io.Reader, string) ([]treebank.Sentence, error)) ([]treebank.Sentence, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	var gold []treebank.Sentence
	if fi.IsDir() {
		gold, err = treebank.ReadFiles(path)
	} else {
		var f *os.File
		if f, err = os.Open(path); err != nil {
			return nil, err
		}
		defer f.Close()
		gold, err = read(f, path)
	}
	if err == nil && len(gold) == 0 {
		err = fmt.Errorf("%s: no sentences", path)
	}
	return gold, err
}

// printNLP prints scores as percentages; nerOnly leaves out those of the
// tokenizer, tagger and parser.
func printNLP(w io.Writer, path string, r eval.NLP, nerOnly bool, load, took time.Duration) error {
	fmt.Fprintf(w, "%s: %d sentences, %d words; models loaded in %v, analyzed in %v (%.0f words/s)\n",
		path, r.Sentences, r.Words, load.Round(time.Millisecond), took.Round(time.Millisecond), float64(r.Words)/max(took.Seconds(), 1e-9))
	if !nerOnly {
		for _, row := range []struct {
			name string
			v    float64
			what string
		}{
			{"tokens", r.Tokens, "tokenizer F1 against the gold words"},
			{"upos", r.UPOS, "universal part of speech"},
			{"xpos", r.XPOS, "Penn part of speech"},
			{"uas", r.UAS, "unlabelled attachment, punctuation included"},
			{"las", r.LAS, "labelled attachment, universal relation"},
		} {
			fmt.Fprintf(w, "%-8s %6.2f %%  %s\n", row.name, 100*row.v, row.what)
		}
	}
	if n := r.NER; n != nil {
		fmt.Fprintf(w, "ner      %s  exact span and type\n", prf(n.PRF))
		for _, t := range slices.Sorted(maps.Keys(n.ByType)) {
			fmt.Fprintf(w, "  %-6s %s\n", t, prf(n.ByType[t]))
		}
	}
	return nil
}

func prf(s eval.PRF) string {
	return fmt.Sprintf("P %6.2f  R %6.2f  F1 %6.2f  (gold %d, predicted %d, correct %d)",
		100*s.Precision, 100*s.Recall, 100*s.F1, s.Gold, s.Pred, s.Correct)
}

// runEvalEvents scores the event coder (codeText) on PLOVER or PETRARCH-2
// gold records.
func runEvalEvents(_ context.Context, args []string, stdout, _ io.Writer) error {
	fs := flag.NewFlagSet("eval events", flag.ContinueOnError)
	plover := fs.String("plover", "", "PLOVER gold records (JSON)")
	petr := fs.String("petr", "", "PETRARCH-2 validation records (XML)")
	asJSON := fs.Bool("json", false, "print the scores as one JSON object")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{fmt.Errorf("unexpected argument %q", rest[0])}
	}
	if (*plover == "") == (*petr == "") {
		return usageError{errors.New("want one of --plover PATH and --petr PATH")}
	}
	path, read := *plover, eval.ReadPLOVER
	if *petr != "" {
		path, read = *petr, eval.ReadPETR
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	gold, err := read(f, path)
	if err != nil {
		return err
	}
	t0 := time.Now()
	r, err := eval.EvaluateEvents(gold, codeText)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(r)
	}
	fmt.Fprintf(stdout, "%s: coded in %v\n", path, time.Since(t0).Round(time.Millisecond))
	_, err = fmt.Fprint(stdout, r)
	return err
}
