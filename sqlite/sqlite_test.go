package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"dyad"
	"dyad/storetest"

	"github.com/google/go-cmp/cmp"
)

func open(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) dyad.Store {
		return open(t, filepath.Join(t.TempDir(), "dyad.db"))
	})
}

// TestConformanceCommonQuery runs the suite with every full-text query
// taken as common, so that both ways of finding its articles are checked.
func TestConformanceCommonQuery(t *testing.T) {
	storetest.Run(t, func(t *testing.T) dyad.Store {
		s := open(t, filepath.Join(t.TempDir(), "dyad.db"))
		s.common = 1
		return s
	})
}

// TestReopen checks that migrations run once and a reopened file has its
// data, full-text index included.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dir with ? and #", "dyad.db")
	if _, err := Open(ctx, path); err == nil {
		t.Fatal("Open in a missing directory: no error")
	}
	path = filepath.Join(t.TempDir(), "a ?b#c.db") // characters a DSN must escape
	s := open(t, path)
	a := storetest.Sample(1)
	if _, err := s.Put(ctx, a); err != nil {
		t.Fatal(err)
	}
	want, err := s.Articles(ctx, dyad.Filter{Query: "memorandum"})
	if err != nil || len(want) != 1 {
		t.Fatalf("Articles = %v, %v; want the article", want, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	for range 2 {
		s = open(t, path)
		var versions, applied int
		err := s.r.QueryRowContext(ctx,
			`SELECT count(DISTINCT version_id), count(*) FROM goose_db_version WHERE version_id > 0`).Scan(&versions, &applied)
		if err != nil {
			t.Fatal(err)
		}
		files, _ := migrations.ReadDir("migrations")
		if versions != len(files) || applied != len(files) {
			t.Errorf("goose_db_version has %d versions in %d rows, want %d once each", versions, applied, len(files))
		}
		got, err := s.Articles(ctx, dyad.Filter{Query: "memorandum"})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Articles after reopening (-before +after):\n%s", diff)
		}
		if created, err := s.Put(ctx, a); err != nil || created {
			t.Errorf("Put after reopening = %v, %v; want false, nil", created, err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// TestPragmas checks the connection settings the store relies on.
func TestPragmas(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "dyad.db"))
	defer s.Close()
	ctx := context.Background()
	for _, db := range []struct {
		name string
		q    func(string) (string, error)
	}{
		{"writer", func(p string) (v string, err error) { return v, s.w.QueryRowContext(ctx, "PRAGMA "+p).Scan(&v) }},
		{"reader", func(p string) (v string, err error) { return v, s.r.QueryRowContext(ctx, "PRAGMA "+p).Scan(&v) }},
	} {
		for p, want := range map[string]string{"journal_mode": "wal", "foreign_keys": "1", "busy_timeout": "10000"} {
			if got, err := db.q(p); err != nil || got != want {
				t.Errorf("%s: PRAGMA %s = %q, %v; want %q", db.name, p, got, err, want)
			}
		}
	}
	if _, err := s.r.ExecContext(ctx, `DELETE FROM articles`); err == nil {
		t.Error("a reader connection can write")
	}
}

// TestTwoStores checks that two stores on one file, as two processes
// would have, share the work without storing an article twice.
func TestTwoStores(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dyad.db")
	s1, s2 := open(t, path), open(t, path)
	defer s1.Close()
	defer s2.Close()
	ctx := context.Background()
	errs := make(chan error, 2)
	created := make(chan int, 2)
	for _, s := range []*Store{s1, s2} {
		go func() {
			n := 0
			for i := range 20 {
				ok, err := s.Put(ctx, storetest.Sample(i))
				if err != nil {
					errs <- err
					return
				}
				if ok {
					n++
				}
			}
			created <- n
			errs <- nil
		}()
	}
	total := 0
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
		total += <-created
	}
	if total != 20 {
		t.Errorf("%d articles created, want 20", total)
	}
	c, err := s1.Counts(ctx)
	if err != nil || c.Articles != 20 {
		t.Errorf("Counts = %+v, %v; want 20 articles", c, err)
	}
}

func BenchmarkPut(b *testing.B) {
	s := open(b, filepath.Join(b.TempDir(), "dyad.db"))
	defer s.Close()
	storetest.BenchmarkPut(b, s)
}
