package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestStoriesAndCompare lists the demo corpus's stories and compares one,
// as a report and as JSON.
func TestStoriesAndCompare(t *testing.T) {
	db := filepath.Join(t.TempDir(), "dyad.db")
	mustRun(t, 0, "demo", "--db", db)
	rows := lines(mustRun(t, 0, "stories", "--db", db, "--format", "csv").stdout)
	if len(rows) != 4 || !strings.HasPrefix(rows[0], "story,first,last,articles,outlets") {
		t.Fatalf("stories:\n%s\nwant a header and the demo's 3 stories", strings.Join(rows, "\n"))
	}
	if got := lines(mustRun(t, 0, "stories", "--db", db, "--actor", "BFA", "--format", "csv").stdout); len(got) != 2 {
		t.Errorf("stories naming BFA:\n%s\nwant 1", strings.Join(got, "\n"))
	}
	id := strings.Split(rows[1], ",")[0]
	report := mustRun(t, 0, "compare", "--db", db, id).stdout
	for _, s := range []string{"Story " + id, "Voices", "Figures", "Quotes", "Events", "Actors", "only"} {
		if !strings.Contains(report, s) {
			t.Errorf("compare report lacks %q:\n%s", s, report)
		}
	}
	var out struct {
		Story      struct{ ID string }
		Comparison struct{ Voices []json.RawMessage }
	}
	if err := json.Unmarshal([]byte(mustRun(t, 0, "compare", "--db", db, "--json", id).stdout), &out); err != nil || out.Story.ID != id || len(out.Comparison.Voices) < 2 {
		t.Errorf("compare --json: %+v, %v", out, err)
	}
	r := dyadRun(t, "compare", "--db", db, "0123456789abcdef")
	if r.code != 1 || !strings.Contains(r.stderr, "not found") {
		t.Errorf("compare of an unknown story: exit %d, stderr %q", r.code, r.stderr)
	}
}
