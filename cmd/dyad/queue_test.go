package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"dyad/demo"
	"dyad/queue"
	"dyad/source"
	"dyad/sqlite"
)

// The demo corpus through the queue: published twice (the second time all
// duplicates, plus one bad input), stored by a worker, shown by status.
func TestQueueIngestWorkerStatus(t *testing.T) {
	srv, err := queue.RunEmbedded("127.0.0.1:0", t.TempDir())
	if err != nil {
		t.Skipf("no embedded NATS server: %v", err)
	}
	defer srv.WaitForShutdown()
	defer srv.Shutdown()
	url := srv.ClientURL()
	ctx := context.Background()
	corpus := filepath.Join("..", "..", "demo", "corpus")
	n := len(demo.Files())

	var stderr bytes.Buffer
	sum, err := publishAll(ctx, url, []string{corpus}, source.Options{}, &stderr)
	if err != nil || sum.New != n || sum.Failed != 0 {
		t.Fatalf("first publish: %v, %v (stderr %q), want %d new", sum, err, stderr.String(), n)
	}
	missing := filepath.Join(t.TempDir(), "missing.txt")
	sum, err = publishAll(ctx, url, []string{corpus, missing}, source.Options{}, &stderr)
	if err != nil || sum.Duplicate != n || sum.New != 0 || sum.Failed != 1 {
		t.Fatalf("second publish: %v, %v, want %d duplicates and 1 failed", sum, err, n)
	}
	if !strings.HasPrefix(stderr.String(), missing+": ") {
		t.Errorf("stderr %q: want one line naming %s", stderr.String(), missing)
	}

	db := filepath.Join(t.TempDir(), "dyad.db")
	wctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	var werr bytes.Buffer
	wg.Go(func() {
		if code := run(wctx, []string{"worker", "--queue", url, "--db", db, "--name", "w1"}, &bytes.Buffer{}, &werr); code != 0 {
			t.Errorf("worker exited %d: %s", code, werr.String())
		}
	})
	defer func() { stop(); wg.Wait() }()

	var st queue.Status
	for end := time.Now().Add(60 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		var out bytes.Buffer
		if code := run(ctx, []string{"status", "--queue", url, "--json"}, &out, &out); code != 0 {
			t.Fatalf("status exited %d: %s", code, out.String())
		}
		if err := json.Unmarshal(out.Bytes(), &st); err != nil {
			t.Fatalf("status --json: %v in %q", err, out.String())
		}
		if len(st.Workers) == 1 && st.Workers[0].New == n {
			break
		}
		if time.Now().After(end) {
			t.Fatalf("worker did not store the corpus in time: %+v", st)
		}
	}
	if st.Pending != 0 || st.Workers[0].Name != "w1" || len(st.Failed) != 0 {
		t.Errorf("status: %+v", st)
	}
	var out bytes.Buffer
	if code := run(ctx, []string{"status", "--queue", url}, &out, &out); code != 0 || !strings.Contains(out.String(), "w1") {
		t.Errorf("status exited %d:\n%s", code, out.String())
	}
	stop()
	wg.Wait()

	store, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	c, err := store.Counts(ctx)
	if err != nil || c.Articles != n || c.Events == 0 {
		t.Errorf("store counts %+v, %v: want %d articles with events", c, err, n)
	}
}

func TestWorkerUsage(t *testing.T) {
	for _, args := range [][]string{
		{"worker", "--max-deliver", "0"},
		{"worker", "extra"},
		{"worker", "--embedded-nats", "--queue", "::"},
		{"status", "extra"},
	} {
		var out bytes.Buffer
		if code := run(context.Background(), args, &out, &out); code != 2 {
			t.Errorf("dyad %s: exit %d, want 2 (%s)", strings.Join(args, " "), code, out.String())
		}
	}
}

// A write to a SQLite file another connection holds locked is retryable;
// other errors are not.
func TestRetryable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "busy.db")
	open := func() *sql.DB {
		db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(0)")
		if err != nil {
			t.Fatal(err)
		}
		db.SetMaxOpenConns(1)
		t.Cleanup(func() { db.Close() })
		return db
	}
	holder, other := open(), open()
	ctx := context.Background()
	if _, err := holder.ExecContext(ctx, "CREATE TABLE t (x)"); err != nil {
		t.Fatal(err)
	}
	tx, err := holder.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "INSERT INTO t VALUES (1)"); err != nil {
		t.Fatal(err)
	}
	_, busy := other.ExecContext(ctx, "INSERT INTO t VALUES (2)")
	if busy == nil {
		t.Fatal("second writer: no error while the file is locked")
	}
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{fmt.Errorf("store: %w", busy), true},
		{errors.New("analyze: no sentences"), false},
		{context.Canceled, false},
	} {
		if got := retryable(tc.err); got != tc.want {
			t.Errorf("retryable(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}

// TestIngestQueue checks dyad ingest --queue: articles are queued, not
// stored, and a second run queues nothing new.
func TestIngestQueue(t *testing.T) {
	srv, err := queue.RunEmbedded("127.0.0.1:-1", t.TempDir())
	if err != nil {
		t.Skipf("no embedded NATS server: %v", err)
	}
	defer srv.Shutdown()
	dir := t.TempDir()
	art := writeFile(t, dir, "a.txt", []byte("Date: 2026-03-02\n\nKenya and Uganda signed a port accord on Monday.\n"))
	out := mustRun(t, 0, "ingest", "--queue", srv.ClientURL(), art).stdout
	if !strings.Contains(out, "queued on "+srv.ClientURL()+": "+summary(1, 1, 0, 0)) {
		t.Errorf("first ingest --queue: %q", out)
	}
	out = mustRun(t, 0, "ingest", "--queue", srv.ClientURL(), art).stdout
	if !strings.Contains(out, summary(1, 0, 1, 0)) {
		t.Errorf("second ingest --queue: %q, want the article as a duplicate", out)
	}
}
