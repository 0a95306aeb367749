package postgres

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"syscall"
	"testing"

	"dyad"
	"dyad/postgres/postgrestest"
	"dyad/storetest"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

func open(t testing.TB, dsn string) *Store {
	t.Helper()
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) dyad.Store {
		return open(t, postgrestest.NewDatabase(t))
	})
}

// TestReopen checks that migrations run once and a reopened database has
// its data, full-text index included.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	dsn := postgrestest.NewDatabase(t)
	s := open(t, dsn)
	a := storetest.Sample(1)
	if _, err := s.Put(ctx, a); err != nil {
		t.Fatal(err)
	}
	want, err := s.Articles(ctx, dyad.Filter{Query: "memorandum"})
	if err != nil || len(want) != 1 {
		t.Fatalf("Articles = %v, %v; want the article", want, err)
	}
	s.Close()

	for range 2 {
		s = open(t, dsn)
		var versions, applied int
		err := s.pool.QueryRow(ctx,
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
		s.Close()
	}
}

// TestOpenErrors checks that a bad DSN and an unreachable server fail
// with an error that does not show the password, the second retryable.
func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	if _, err := Open(ctx, "postgres://u:secret@[::1"); err == nil || containsSecret(err) {
		t.Errorf("Open(bad DSN) = %v; want an error without the password", err)
	}
	// Port 1 on loopback: nothing listens there.
	_, err := Open(ctx, "postgres://u:secret@127.0.0.1:1/x?connect_timeout=2")
	if err == nil || containsSecret(err) || !Retryable(err) || strings.Contains(err.Error(), "\n") {
		t.Errorf("Open(unreachable) = %q (retryable %v); want a retryable one-line error without the password", err, Retryable(err))
	}
}

func containsSecret(err error) bool {
	return err != nil && strings.Contains(err.Error(), "secret")
}

// TestOpenConcurrently checks that processes starting at once against a
// new database migrate it once, under goose's advisory lock.
func TestOpenConcurrently(t *testing.T) {
	dsn := postgrestest.NewDatabase(t)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			s, err := Open(context.Background(), dsn)
			if err != nil {
				t.Errorf("Open: %v", err)
				return
			}
			s.Close()
		})
	}
	wg.Wait()
}

// TestTwoStores checks that two stores on one database, as two worker
// processes would have, put the same articles at once without storing any
// twice or failing.
func TestTwoStores(t *testing.T) {
	dsn := postgrestest.NewDatabase(t)
	s1, s2 := open(t, dsn), open(t, dsn)
	defer s1.Close()
	defer s2.Close()
	ctx := context.Background()
	const n = 40
	created := make(chan int, 2)
	for _, s := range []*Store{s1, s2} {
		go func() {
			c := 0
			for i := range n {
				ok, err := s.Put(ctx, storetest.Sample(i))
				if err != nil {
					t.Errorf("Put: %v", err)
				}
				if ok {
					c++
				}
			}
			created <- c
		}()
	}
	total := <-created + <-created
	if total != n {
		t.Errorf("%d articles created, want %d", total, n)
	}
	c, err := s1.Counts(ctx)
	want := storetest.Sample(0)
	if err != nil || c.Articles != n || c.Mentions != n*len(want.Mentions) || c.Events != n*len(want.Events) {
		t.Errorf("Counts = %+v, %v; want %d articles with their items once", c, err, n)
	}
}

// TestTerminatedConnections checks that when the server drops the store's
// connections (as on a restart), Put fails with a retryable error or
// succeeds, and retrying stores the article once.
func TestTerminatedConnections(t *testing.T) {
	dsn := postgrestest.NewDatabase(t)
	s := open(t, dsn)
	defer s.Close()
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, postgrestest.AdminDSN())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	name := s.pool.Config().ConnConfig.Database

	failed := 0
	for i := range 5 {
		// Connections in the pool, then none of them alive.
		var wg sync.WaitGroup
		for range 3 {
			wg.Go(func() { s.Has(ctx, "x") })
		}
		wg.Wait()
		var n int
		err := admin.QueryRow(ctx, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
			WHERE datname = $1 AND pid <> pg_backend_pid()`, name).Scan(&n)
		if err != nil || n == 0 {
			t.Fatalf("terminate connections: %d, %v", n, err)
		}
		a := storetest.Sample(i)
		for try := 0; ; try++ {
			created, err := s.Put(ctx, a)
			if err == nil {
				if !created && try == 0 {
					t.Errorf("Put(%s) = false on its first try", a.Article.ID)
				}
				break
			}
			if !Retryable(err) || try == 10 { // each dead connection of the pool fails once
				t.Fatalf("Put(%s) try %d: %v (retryable %v)", a.Article.ID, try, err, Retryable(err))
			}
			failed++
		}
	}
	if failed == 0 {
		t.Log("no Put met a terminated connection: the pool replaced them first")
	}
	c, err := s.Counts(ctx)
	if err != nil || c.Articles != 5 {
		t.Errorf("Counts = %+v, %v; want 5 articles", c, err)
	}
}

func TestRetryable(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want bool
	}{
		{nil, false},
		{context.Canceled, false},
		{fmt.Errorf("put: %w", context.DeadlineExceeded), false},
		{&pgconn.PgError{Code: "40001"}, true},                          // serialization failure
		{&pgconn.PgError{Code: "40P01"}, true},                          // deadlock
		{fmt.Errorf("put x: %w", &pgconn.PgError{Code: "57P01"}), true}, // admin shutdown
		{&pgconn.PgError{Code: "08006"}, true},                          // connection failure
		{&pgconn.PgError{Code: "23505"}, false},                         // unique violation
		{&pgconn.PgError{Code: "42601"}, false},                         // syntax error
		{fmt.Errorf("dial: %w", syscall.ECONNREFUSED), true},
		{io.ErrUnexpectedEOF, true},
		{errors.New("put x: article has no id"), false},
		{fmt.Errorf("%w %q: bad", dyad.ErrInvalidQuery, "x"), false},
	} {
		if got := Retryable(tt.err); got != tt.want {
			t.Errorf("Retryable(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}

func BenchmarkPut(b *testing.B) {
	s := open(b, postgrestest.NewDatabase(b))
	defer s.Close()
	storetest.BenchmarkPut(b, s)
}
