package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dyad/internal/shared"
)

func TestLexiconImportPLOVER(t *testing.T) {
	src := shared.Path(t, "eval/plover/CAMEO2PLOVER-2021.txt")
	out := t.TempDir()
	r := mustRun(t, 0, "lexicon", "import-plover", src, "--out", out)
	if !strings.Contains(r.stdout, "plover.tsv: ") || !strings.Contains(r.stdout, "2 source lines skipped") {
		t.Errorf("stdout %q", r.stdout)
	}
	// The table lists two codes twice; each repeat is one line on stderr.
	if l := lines(r.stderr); len(l) != 2 || !strings.Contains(l[0], "CAMEO2PLOVER-2021.txt:") {
		t.Errorf("stderr %q, want the two skipped lines with file:line", r.stderr)
	}
	got, _ := os.ReadFile(filepath.Join(out, "plover.tsv"))
	want, err := os.ReadFile(filepath.Join("..", "..", "lexicon", "data", "plover.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("import-plover does not reproduce lexicon/data/plover.tsv")
	}
}

func TestLexiconUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"lexicon"}, "want a subcommand"},
		{[]string{"lexicon", "import-nothing"}, `unknown subcommand "import-nothing"`},
		{[]string{"lexicon", "import-petrarch"}, "want one input path"},
		{[]string{"lexicon", "import-plover", "a", "b"}, "want one input path"},
	} {
		r := mustRun(t, 2, c.args...)
		if !strings.Contains(r.stderr, c.want) {
			t.Errorf("dyad %v: stderr %q, want %q", c.args, r.stderr, c.want)
		}
	}
	r := mustRun(t, 1, "lexicon", "import-petrarch", filepath.Join(t.TempDir(), "missing"))
	if !strings.Contains(r.stderr, "CAMEO.2.0.txt") {
		t.Errorf("missing directory: stderr %q, want the file it could not read", r.stderr)
	}
}
