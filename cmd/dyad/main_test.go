package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dyad"
)

// result is what one run of the command line printed and returned.
type result struct {
	stdout, stderr string
	code           int
}

// dyadRun runs the command line with args, as main does, and returns what it
// printed and its exit status.
func dyadRun(t *testing.T, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	return result{stdout.String(), stderr.String(), code}
}

// mustRun runs the command line and fails the test unless it exits with
// want.
func mustRun(t *testing.T, want int, args ...string) result {
	t.Helper()
	r := dyadRun(t, args...)
	if r.code != want {
		t.Fatalf("dyad %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), r.code, want, r.stdout, r.stderr)
	}
	return r
}

// writeFile writes data to name in dir and returns its path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// mkdirAll makes dir and its parents, and returns dir.
func mkdirAll(t *testing.T, dir string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// newDB returns the path of a fresh database file in a temporary directory.
func newDB(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "dyad.db")
}

// listJSON runs a query command with --format json on db and decodes its
// output into T.
func listJSON[T any](t *testing.T, db, command string, args ...string) []T {
	t.Helper()
	r := mustRun(t, 0, append([]string{command, "--db", db, "--format", "json"}, args...)...)
	var out []T
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("dyad %s %v: output is not a JSON array: %v\n%s", command, args, err, r.stdout)
	}
	if out == nil {
		t.Fatalf("dyad %s %v: printed null, want an array", command, args)
	}
	return out
}

// lines splits output into its lines, without a trailing empty one.
func lines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// withStdin runs fn with os.Stdin reading data from a pipe.
func withStdin(t *testing.T, data string, fn func()) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := io.WriteString(w, data)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		done <- err
	}()
	old := os.Stdin
	os.Stdin = r
	defer func() {
		os.Stdin = old
		r.Close()
		if err := <-done; err != nil {
			t.Errorf("writing stdin: %v", err)
		}
	}()
	fn()
}

func TestVersionAndHelp(t *testing.T) {
	r := mustRun(t, 0, "version")
	if !strings.HasPrefix(r.stdout, "dyad ") || len(lines(r.stdout)) != 1 || r.stderr != "" {
		t.Errorf("version printed %q, stderr %q; want one line \"dyad VERSION\"", r.stdout, r.stderr)
	}
	for _, args := range [][]string{nil, {"help"}, {"-h"}, {"--help"}, {"analyze", "--help"}, {"articles", "-h"}} {
		r := mustRun(t, 0, args...)
		if !strings.Contains(r.stdout, "Usage:") || r.stderr != "" {
			t.Errorf("dyad %v: stdout %q, stderr %q; want the usage on stdout", args, r.stdout, r.stderr)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "dyad.db")
	file := writeFile(t, dir, "a.txt", []byte("Title\nChile and Peru met in Lima on Monday.\n"))
	tests := []struct {
		name string
		args []string
		want string // in the message on stderr
	}{
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"unknown flag", []string{"articles", "--db", db, "--colour", "red"}, "flag provided but not defined: -colour"},
		{"unknown flag after input", []string{"analyze", file, "--verbose"}, "flag provided but not defined: -verbose"},
		{"flag of another command", []string{"ingest", "--db", db, "--since", "2026-01-01", file}, "-since"},
		{"analyze without input", []string{"analyze"}, "want one INPUT, got 0"},
		{"analyze with two inputs", []string{"analyze", file, file}, "want one INPUT, got 2"},
		{"ingest without input", []string{"ingest", "--db", db}, "want at least one INPUT"},
		{"bad --since", []string{"articles", "--db", db, "--since", "2026-13-01"}, `--since "2026-13-01"`},
		{"bad --until", []string{"quotes", "--db", db, "--until", "yesterday"}, `--until "yesterday"`},
		{"bad --published", []string{"analyze", file, "--published", "soon"}, `--published "soon"`},
		{"bad --published on ingest", []string{"ingest", "--db", db, "--published", "27/01/2026", file}, `--published "27/01/2026"`},
		{"bad --format", []string{"articles", "--db", db, "--format", "xml"}, `unknown format "xml"`},
		{"bad --format on figures", []string{"figures", "--db", db, "--format", "yaml"}, `unknown format "yaml"`},
		{"bad --limit", []string{"actors", "--db", db, "--limit", "ten"}, `invalid value "ten" for flag -limit`},
		{"negative --limit", []string{"actors", "--db", db, "--limit", "-1"}, `--limit -1`},
		{"positional argument to a query", []string{"articles", "--db", db, "ceasefire"}, `unexpected argument "ceasefire"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRun(t, 2, tt.args...)
			if r.stdout != "" {
				t.Errorf("stdout %q, want nothing", r.stdout)
			}
			if l := lines(r.stderr); len(l) != 1 || !strings.HasPrefix(l[0], "dyad") || !strings.Contains(l[0], tt.want) {
				t.Errorf("stderr %q, want one line starting \"dyad\" with %q", r.stderr, tt.want)
			}
		})
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("a usage error created the database %s", db)
	}
}

func TestDemo(t *testing.T) {
	db := newDB(t)
	r := mustRun(t, 0, "demo", "--db", db)
	for _, want := range []string{
		"12 articles",
		"read 12, new 12, duplicate 0, failed 0",
		"The store holds 12 articles",
		"Actors mentioned most",
		"Quotes (",
		"Figures (",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("first demo: stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	if r.stderr != "" {
		t.Errorf("first demo: stderr %q, want nothing", r.stderr)
	}
	first := listJSON[dyad.Article](t, db, "articles")

	r = mustRun(t, 0, "demo", "--db", db)
	for _, want := range []string{"read 12, new 0, duplicate 12, failed 0", "The store holds 12 articles"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("second demo: stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	again := listJSON[dyad.Article](t, db, "articles")
	if len(first) != 12 || len(again) != 12 {
		t.Fatalf("articles after one demo: %d, after two: %d; want 12 both times", len(first), len(again))
	}
	ids := map[string]bool{}
	for i, a := range again {
		if ids[a.ID] {
			t.Errorf("article %s listed twice", a.ID)
		}
		ids[a.ID] = true
		if a.ID != first[i].ID {
			t.Errorf("article %d is %s after the second demo, %s after the first", i, a.ID, first[i].ID)
		}
		if a.Outlet == "" || a.Title == "" || a.Published.IsZero() {
			t.Errorf("demo article %s lacks outlet, title or date: %+v", a.ID, a)
		}
	}
}
