package queue

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"dyad/ingest"
	"dyad/postgres"
	"dyad/postgres/postgrestest"
)

// TestPostgresConnectionsKilled stores into PostgreSQL while the server
// drops every connection of the database again and again, as a restart
// does: the workers retry and every article is stored exactly once.
func TestPostgresConnectionsKilled(t *testing.T) {
	dsn := postgrestest.NewDatabase(t)
	ctx := context.Background()
	st, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	url, cfg := startServer(t), testConfig(t)
	q := dial(t, url, cfg)
	arts := articles(200)
	publish(t, q, arts)

	admin, err := pgx.Connect(ctx, postgrestest.AdminDSN())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	db, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	killed := 0
	stopKilling := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			select {
			case <-stopKilling:
				return
			case <-time.After(100 * time.Millisecond):
			}
			var n int
			err := admin.QueryRow(ctx, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
				WHERE datname = $1 AND pid <> pg_backend_pid()`, db.Database).Scan(&n)
			if err != nil {
				t.Errorf("terminate: %v", err)
				return
			}
			killed += n
		}
	})

	p := &ingest.Pipeline{Analyzer: fakeAnalyzer{delay: 5 * time.Millisecond}, Store: st}
	stop := runWorkers(t, q, 2, func(int) Worker {
		return Worker{Handle: p.Add, Retryable: postgres.Retryable,
			Backoff: Backoff{Base: 10 * time.Millisecond, Max: 200 * time.Millisecond}}
	})
	waitFor(t, 60*time.Second, "all articles stored", func() bool {
		c, err := st.Counts(ctx)
		return err == nil && c.Articles == len(arts)
	})
	close(stopKilling)
	wg.Wait()
	s := status(t, q)
	stop()
	retried := 0
	for _, w := range s.Workers {
		retried += w.Retried
	}
	t.Logf("%d connections killed, %d retries", killed, retried)
	if killed == 0 || retried == 0 {
		t.Errorf("%d connections killed, %d retries: the fault was not exercised", killed, retried)
	}
	if len(s.Failed) != 0 {
		t.Errorf("failures recorded: %+v", s.Failed)
	}
	checkStored(t, st, arts)
}
