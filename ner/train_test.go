package ner

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"dyad/internal/perceptron"
	"dyad/internal/shared"
	"dyad/treebank"
)

// trainSeed fixes the shuffling of the training data: the committed model
// is reproducible.
const trainSeed = 1

// readGold reads files under ../shared/corpora, skipping the test when
// they are absent.
func readGold(t testing.TB, rel ...string) []treebank.Sentence {
	t.Helper()
	paths := make([]string, len(rel))
	for i, r := range rel {
		paths[i] = shared.Path(t, filepath.Join("corpora", r))
	}
	s, err := treebank.ReadFiles(paths...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestTrain trains the embedded model (DYAD_TRAIN=1 go test ./ner -run
// TestTrain) on GUM train and UNER EWT dev, reports on GUM dev, and writes
// models/ner.bin.
func TestTrain(t *testing.T) {
	if os.Getenv("DYAD_TRAIN") == "" {
		t.Skip("set DYAD_TRAIN=1 to train models/ner.bin")
	}
	train := readGold(t, "gum/train", "uner-ewt/en_ewt-ud-dev.iob2")
	dev := readGold(t, "gum/dev")
	start := time.Now()
	r, err := Train(train, dev, perceptron.Options{Seed: trainSeed, Log: logWriter{t}})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("trained in %v", time.Since(start))
	var buf bytes.Buffer
	if err := r.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("models/ner.bin", buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("models/ner.bin: %d bytes", buf.Len())
}

type logWriter struct{ t *testing.T }

func (w logWriter) Write(p []byte) (int, error) {
	w.t.Log(string(bytes.TrimSuffix(p, []byte("\n"))))
	return len(p), nil
}
