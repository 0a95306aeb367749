// Package shared finds the ../shared directory beside the repository, which
// holds data the project may use but not commit: seed articles, gold data,
// corpora. Tests that need it skip when it is absent.
package shared

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared directory: $DYAD_SHARED, else the first "shared"
// directory with a DESIGN.md found beside the working directory or one of
// its parents.
func Dir() (string, bool) {
	if d := os.Getenv("DYAD_SHARED"); d != "" {
		return d, true
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for d := wd; ; d = filepath.Dir(d) {
		cand := filepath.Join(filepath.Dir(d), "shared")
		if _, err := os.Stat(filepath.Join(cand, "DESIGN.md")); err == nil {
			return cand, true
		}
		if filepath.Dir(d) == d {
			return "", false
		}
	}
}

// Path returns the path of rel inside the shared directory, skipping the
// test with a message when it is absent.
func Path(t testing.TB, rel string) string {
	t.Helper()
	d, ok := Dir()
	if !ok {
		t.Skipf("skipping: ../shared is absent (set DYAD_SHARED to its path)")
	}
	p := filepath.Join(d, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("skipping: %s is absent", p)
	}
	return p
}
