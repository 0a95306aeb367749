package ner

import (
	"path/filepath"
	"testing"

	"dyad/internal/shared"
	"dyad/treebank"
)

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
