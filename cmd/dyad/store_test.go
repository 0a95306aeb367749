package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"dyad/sqlite"
)

// TestOpenStore checks that --db picks the store by its form: a
// postgres:// URL is PostgreSQL, anything else an SQLite file.
func TestOpenStore(t *testing.T) {
	ctx := context.Background()
	for _, path := range []string{"dyad.db", "postgres.db", "postgres:x.db"} {
		s, err := openStore(ctx, filepath.Join(t.TempDir(), path))
		if err != nil {
			t.Fatalf("openStore(%s): %v", path, err)
		}
		if _, ok := s.(*sqlite.Store); !ok {
			t.Errorf("openStore(%s) = %T, want *sqlite.Store", path, s)
		}
		s.Close()
	}
	// Nothing listens on port 1: the PostgreSQL store fails to connect.
	for _, dsn := range []string{"postgres://u@127.0.0.1:1/x?connect_timeout=2", "postgresql://u@127.0.0.1:1/x?connect_timeout=2"} {
		if _, err := openStore(ctx, dsn); err == nil || !strings.HasPrefix(err.Error(), "postgres: open x: ") {
			t.Errorf("openStore(%s) = %v, want a PostgreSQL connection error", dsn, err)
		}
	}
}

func TestShownHidesPassword(t *testing.T) {
	for db, want := range map[string]string{
		"postgres://dyad:s3cret@db.example.org/news": "postgres://dyad:xxxxx@db.example.org/news",
		"postgres://db.example.org/news":             "postgres://db.example.org/news",
		"news.db":                                    "news.db",
	} {
		if got := shown(db); got != want {
			t.Errorf("shown(%q) = %q, want %q", db, got, want)
		}
	}
}
