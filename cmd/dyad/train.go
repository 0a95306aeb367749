package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"dyad/internal/perceptron"
	"dyad/ner"
	"dyad/text"
	"dyad/treebank"
)

// model is a trained model that can be saved.
type model interface{ Write(io.Writer) error }

// trainers train each kind of model.
var trainers = map[string]func(train, dev []treebank.Sentence, opts perceptron.Options) (model, error){
	"tagger": func(train, dev []treebank.Sentence, opts perceptron.Options) (model, error) {
		return text.TrainTagger(train, dev, opts)
	},
	"parser": func(train, dev []treebank.Sentence, opts perceptron.Options) (model, error) {
		return text.TrainParser(train, dev, opts)
	},
	"ner": func(train, dev []treebank.Sentence, opts perceptron.Options) (model, error) {
		return ner.Train(train, dev, opts)
	},
}

// pathList is a repeatable flag of paths, each value possibly a
// comma-separated list.
type pathList []string

func (p *pathList) String() string { return strings.Join(*p, ",") }

func (p *pathList) Set(v string) error {
	for s := range strings.SplitSeq(v, ",") {
		if s != "" {
			*p = append(*p, s)
		}
	}
	return nil
}

func runTrain(_ context.Context, args []string, _, stderr io.Writer) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	var trainPaths, devPaths pathList
	fs.Var(&trainPaths, "train", "training data: .conllu/.iob2 files or directories (repeatable)")
	fs.Var(&devPaths, "dev", "development data, to report on after each pass (repeatable)")
	out := fs.String("out", "", "model file to write")
	iters := fs.Int("iterations", 0, "passes over the training data (0: the model's default)")
	seed := fs.Int64("seed", 1, "seed of the shuffle between passes")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(rest) != 1:
		return usageError{errors.New("want one model: tagger, parser or ner")}
	case trainers[rest[0]] == nil:
		return usageError{fmt.Errorf("unknown model %q: want tagger, parser or ner", rest[0])}
	case len(trainPaths) == 0:
		return usageError{errors.New("want --train PATH")}
	case *out == "":
		return usageError{errors.New("want --out FILE")}
	case *iters < 0:
		return usageError{errors.New("--iterations must not be negative")}
	}
	train, err := readData(stderr, "train", trainPaths)
	if err != nil {
		return err
	}
	var dev []treebank.Sentence
	if len(devPaths) > 0 {
		if dev, err = readData(stderr, "dev", devPaths); err != nil {
			return err
		}
	}
	m, err := trainers[rest[0]](train, dev, perceptron.Options{Iterations: *iters, Seed: *seed, Log: stderr})
	if err != nil {
		return err
	}
	if err := writeModel(*out, m); err != nil {
		return err
	}
	fi, err := os.Stat(*out)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "wrote %s (%d bytes)\n", *out, fi.Size())
	return nil
}

func readData(stderr io.Writer, what string, paths []string) ([]treebank.Sentence, error) {
	ss, err := treebank.ReadFiles(paths...)
	if err != nil {
		return nil, err
	}
	if len(ss) == 0 {
		return nil, fmt.Errorf("%s: no sentences in %s", what, strings.Join(paths, ", "))
	}
	words := 0
	for _, s := range ss {
		words += len(s.Tokens)
	}
	fmt.Fprintf(stderr, "%s: %d sentences, %d words from %s\n", what, len(ss), words, strings.Join(paths, ", "))
	return ss, nil
}

// writeModel writes m to path through a temporary file, so that a failed
// run leaves no half-written model behind.
func writeModel(path string, m model) error {
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	if err := errors.Join(m.Write(f), f.Close()); err != nil {
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), path)
}
