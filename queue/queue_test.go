package queue

import (
	"context"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"dyad"
	"dyad/ingest"
	"dyad/sqlite"
)

// startServer runs an embedded NATS server for one test and returns its
// URL; the test is skipped when the server cannot start here.
func startServer(t testing.TB) string {
	t.Helper()
	s, err := RunEmbedded("127.0.0.1:0", t.TempDir())
	if err != nil {
		t.Skipf("no embedded NATS server: %v", err)
	}
	t.Cleanup(func() {
		s.Shutdown()
		s.WaitForShutdown()
	})
	return s.ClientURL()
}

// testConfig is a config with a stream named after the test and delivery
// timings short enough for tests.
func testConfig(t testing.TB) Config {
	name := regexp.MustCompile(`[^A-Za-z0-9]+`).ReplaceAllString(t.Name(), "_")
	return Config{
		Stream:     "T_" + name,
		Subject:    "test." + strings.ToLower(name),
		AckWait:    time.Second,
		MaxDeliver: 3,
		Heartbeat:  100 * time.Millisecond,
	}
}

func dial(t testing.TB, url string, cfg Config) *Queue {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	q, err := Dial(ctx, url, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(q.Close)
	return q
}

// articles are n distinct small articles.
func articles(n int) []dyad.Article {
	arts := make([]dyad.Article, n)
	for i := range arts {
		arts[i] = dyad.Article{
			ID:    fmt.Sprintf("%016x", i+1),
			URL:   fmt.Sprintf("https://example.org/%d", i+1),
			Title: fmt.Sprintf("Article %d", i+1),
			Text:  fmt.Sprintf("Text of article %d.", i+1),
		}
	}
	return arts
}

func publish(t testing.TB, q *Queue, arts []dyad.Article) ingest.Summary {
	t.Helper()
	var sum ingest.Summary
	for _, a := range arts {
		o, err := q.Publish(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		sum.Count(o, nil)
	}
	return sum
}

// mentionsPerArticle is how many mentions the fake analyzer finds, so a
// test can tell a whole stored analysis from a half-stored one.
const mentionsPerArticle = 2

// fakeAnalyzer analyzes in a fixed time, optionally sabotaged per article.
type fakeAnalyzer struct {
	delay time.Duration
	fault func(dyad.Article) error // may panic; nil: no fault
}

func (f fakeAnalyzer) Analyze(art dyad.Article) (*dyad.Analysis, error) {
	time.Sleep(f.delay)
	if f.fault != nil {
		if err := f.fault(art); err != nil {
			return nil, err
		}
	}
	an := &dyad.Analysis{Article: art}
	for i := range mentionsPerArticle {
		an.Mentions = append(an.Mentions, dyad.Mention{Span: dyad.Span{Start: i, End: i + 1}, Text: "x", Type: "LOC"})
	}
	return an, nil
}

func openStore(t testing.TB, path string) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// runWorkers runs n workers on q until stop is called.
func runWorkers(t testing.TB, q *Queue, n int, w func(i int) Worker) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			if err := q.Work(ctx, w(i)); err != nil {
				t.Errorf("worker %d: %v", i, err)
			}
		})
	}
	return func() {
		cancel()
		wg.Wait()
	}
}

// waitFor polls cond until it holds, failing the test after limit.
func waitFor(t testing.TB, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(limit); !cond(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("after %v: still waiting for %s", limit, what)
		}
	}
}

func counts(t testing.TB, st dyad.Store) dyad.Counts {
	t.Helper()
	c, err := st.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func status(t testing.TB, q *Queue) Status {
	t.Helper()
	s, err := q.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// checkStored fails unless every article is stored exactly once, whole.
func checkStored(t testing.TB, st dyad.Store, arts []dyad.Article) {
	t.Helper()
	got, err := st.Articles(context.Background(), dyad.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int{}
	for _, a := range got {
		ids[a.ID]++
	}
	for _, a := range arts {
		if ids[a.ID] != 1 {
			t.Errorf("article %s stored %d times, want 1", a.ID, ids[a.ID])
		}
	}
	c := counts(t, st)
	if c.Articles != len(arts) || c.Mentions != mentionsPerArticle*len(arts) {
		t.Errorf("store has %d articles and %d mentions, want %d and %d",
			c.Articles, c.Mentions, len(arts), mentionsPerArticle*len(arts))
	}
}

func TestBackoffDelay(t *testing.T) {
	b := Backoff{Base: 100 * time.Millisecond, Max: time.Second}
	for _, tc := range []struct {
		n    int
		want time.Duration
	}{
		{1, 100 * time.Millisecond},
		{2, 200 * time.Millisecond},
		{3, 400 * time.Millisecond},
		{4, 800 * time.Millisecond},
		{5, time.Second},
		{60, time.Second},
	} {
		if got := b.Delay(tc.n); got != tc.want {
			t.Errorf("Delay(%d) = %v, want %v", tc.n, got, tc.want)
		}
	}
}

func TestPublishRejectsArticleWithoutID(t *testing.T) {
	q := dial(t, startServer(t), testConfig(t))
	if _, err := q.Publish(context.Background(), dyad.Article{URL: "u", Text: "t"}); err == nil {
		t.Fatal("Publish of an article without id: no error")
	}
}

// Two publishers of the same inputs at once: each article is queued once,
// stored once.
func TestConcurrentPublishersDeduplicate(t *testing.T) {
	url, cfg := startServer(t), testConfig(t)
	arts := articles(100)
	sums := make([]ingest.Summary, 2)
	var wg sync.WaitGroup
	for i := range sums {
		q := dial(t, url, cfg)
		wg.Go(func() { sums[i] = publish(t, q, arts) })
	}
	wg.Wait()
	if n := sums[0].New + sums[1].New; n != len(arts) {
		t.Errorf("publishers queued %d new jobs (%v; %v), want %d", n, sums[0], sums[1], len(arts))
	}
	q := dial(t, url, cfg)
	// The consumer's count follows the stream's asynchronously.
	waitFor(t, 5*time.Second, "the queue depth to be the number of articles", func() bool {
		return status(t, q).Pending == uint64(len(arts))
	})
	st := openStore(t, filepath.Join(t.TempDir(), "dyad.db"))
	p := &ingest.Pipeline{Analyzer: fakeAnalyzer{}, Store: st}
	stop := runWorkers(t, q, 2, func(int) Worker { return Worker{Handle: p.Add} })
	waitFor(t, 20*time.Second, "all articles stored", func() bool { return counts(t, st).Articles == len(arts) })
	stop()
	checkStored(t, st, arts)
}

// A poison article — one whose analysis panics, one that always fails —
// is recorded as failed after MaxDeliver deliveries; the rest are stored.
func TestPoisonArticleFails(t *testing.T) {
	url, cfg := startServer(t), testConfig(t)
	q := dial(t, url, cfg)
	arts := articles(20)
	panics, fails := arts[3], arts[11]
	publish(t, q, arts)
	st := openStore(t, filepath.Join(t.TempDir(), "dyad.db"))
	p := &ingest.Pipeline{Analyzer: fakeAnalyzer{fault: func(a dyad.Article) error {
		switch a.ID {
		case panics.ID:
			panic("tagger out of range")
		case fails.ID:
			return errors.New("parse: no root")
		}
		return nil
	}}, Store: st}
	stop := runWorkers(t, q, 2, func(int) Worker {
		return Worker{Handle: p.Add, Backoff: Backoff{Base: 10 * time.Millisecond, Max: 50 * time.Millisecond}}
	})
	waitFor(t, 20*time.Second, "two failures recorded", func() bool { return len(status(t, q).Failed) == 2 })
	waitFor(t, 10*time.Second, "the other articles stored", func() bool { return counts(t, st).Articles == len(arts)-2 })
	stop()

	s := status(t, q)
	want := map[string]string{panics.ID: "panic: tagger out of range", fails.ID: "parse: no root"}
	for _, f := range s.Failed {
		if !strings.Contains(f.Reason, want[f.ID]) || want[f.ID] == "" {
			t.Errorf("failure %s: reason %q, want one containing %q", f.ID, f.Reason, want[f.ID])
		}
		if f.Deliveries != cfg.MaxDeliver {
			t.Errorf("failure %s after %d deliveries, want %d", f.ID, f.Deliveries, cfg.MaxDeliver)
		}
	}
	if s.Pending != 0 || s.InFlight != 0 {
		t.Errorf("queue has %d pending and %d in flight, want none", s.Pending, s.InFlight)
	}
	checkStored(t, st, append(append(arts[:3:3], arts[4:11]...), arts[12:]...))
}

// transientStore fails every Put with errTransient until healed.
type transientStore struct {
	dyad.Store
	healed atomic.Bool
	failed atomic.Int64
}

var errTransient = errors.New("connection refused")

func (s *transientStore) Put(ctx context.Context, a *dyad.Analysis) (bool, error) {
	if !s.healed.Load() {
		s.failed.Add(1)
		return false, errTransient
	}
	return s.Store.Put(ctx, a)
}

// A store that is down for a while: workers hold their jobs and retry;
// once it is back everything is stored and nothing is marked failed.
func TestTransientStoreErrorsRetry(t *testing.T) {
	url, cfg := startServer(t), testConfig(t)
	q := dial(t, url, cfg)
	arts := articles(30)
	publish(t, q, arts)
	st := &transientStore{Store: openStore(t, filepath.Join(t.TempDir(), "dyad.db"))}
	p := &ingest.Pipeline{Analyzer: fakeAnalyzer{}, Store: st}
	stop := runWorkers(t, q, 2, func(int) Worker {
		return Worker{
			Handle:    p.Add,
			Retryable: func(err error) bool { return errors.Is(err, errTransient) },
			Backoff:   Backoff{Base: 20 * time.Millisecond, Max: 100 * time.Millisecond},
		}
	})
	// An outage longer than AckWait and than the backoffs of MaxDeliver
	// deliveries.
	time.Sleep(2 * cfg.AckWait)
	st.healed.Store(true)
	waitFor(t, 20*time.Second, "all articles stored", func() bool { return counts(t, st).Articles == len(arts) })
	s := status(t, q)
	stop()

	if st.failed.Load() < 2*int64(cfg.MaxDeliver) {
		t.Errorf("store failed %d times: the outage was not exercised", st.failed.Load())
	}
	if len(s.Failed) != 0 {
		t.Errorf("failures recorded: %+v", s.Failed)
	}
	retried := 0
	for _, w := range s.Workers {
		retried += w.Retried
	}
	if retried == 0 {
		t.Errorf("workers report no retries: %+v", s.Workers)
	}
	checkStored(t, st, arts)
}

// Status shows the live workers with their counts; a stopped worker leaves.
func TestStatusShowsWorkers(t *testing.T) {
	url, cfg := startServer(t), testConfig(t)
	q := dial(t, url, cfg)
	arts := articles(10)
	publish(t, q, arts)
	st := openStore(t, filepath.Join(t.TempDir(), "dyad.db"))
	p := &ingest.Pipeline{Analyzer: fakeAnalyzer{}, Store: st}
	stop := runWorkers(t, q, 2, func(i int) Worker { return Worker{Name: fmt.Sprintf("w%d", i), Handle: p.Add} })
	var s Status
	waitFor(t, 10*time.Second, "workers to report all articles", func() bool {
		s = status(t, q)
		done := 0
		for _, w := range s.Workers {
			done += w.New + w.Duplicate
		}
		return len(s.Workers) == 2 && done == len(arts)
	})
	if s.Workers[0].Name != "w0" || s.Workers[1].Name != "w1" || s.Pending != 0 {
		t.Errorf("status: %+v", s)
	}
	stop()
	if s := status(t, q); len(s.Workers) != 0 {
		t.Errorf("stopped workers still listed: %+v", s.Workers)
	}
}

// An article that takes longer than AckWait is not delivered again to
// another worker while its worker is still at it.
func TestSlowArticleNotRedelivered(t *testing.T) {
	url, cfg := startServer(t), testConfig(t)
	q := dial(t, url, cfg)
	arts := articles(5)
	publish(t, q, arts)
	var mu sync.Mutex
	calls := map[string]int{}
	handle := func(_ context.Context, a dyad.Article) (ingest.Outcome, error) {
		mu.Lock()
		calls[a.ID]++
		mu.Unlock()
		if a.ID == arts[0].ID {
			time.Sleep(5 * cfg.AckWait / 2)
		}
		return ingest.New, nil
	}
	stop := runWorkers(t, q, 2, func(int) Worker { return Worker{Handle: handle} })
	waitFor(t, 10*time.Second, "the queue to empty", func() bool {
		s := status(t, q)
		return s.Pending == 0 && s.InFlight == 0
	})
	stop()
	for _, a := range arts {
		if calls[a.ID] != 1 {
			t.Errorf("article %s handled %d times, want 1", a.ID, calls[a.ID])
		}
	}
}

func TestDefaultWorkerNamesDiffer(t *testing.T) {
	a, b := Worker{}.withDefaults(), Worker{}.withDefaults()
	if a.Name == b.Name || a.Name == "" {
		t.Errorf("two unnamed workers of one process are named %q and %q", a.Name, b.Name)
	}
}

// The NATS server restarted mid-batch: workers reconnect and go on; every
// article is stored once.
func TestServerRestart(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	dir := t.TempDir()
	srv, err := RunEmbedded(addr, dir)
	if err != nil {
		t.Skipf("no embedded NATS server: %v", err)
	}
	defer func() {
		srv.Shutdown()
		srv.WaitForShutdown()
	}()
	cfg := testConfig(t)
	q := dial(t, srv.ClientURL(), cfg)
	arts := articles(200)
	publish(t, q, arts)
	st := openStore(t, filepath.Join(t.TempDir(), "dyad.db"))
	p := &ingest.Pipeline{Analyzer: fakeAnalyzer{delay: 3 * time.Millisecond}, Store: st}
	stop := runWorkers(t, q, 2, func(int) Worker {
		return Worker{Handle: p.Add, Backoff: Backoff{Base: 50 * time.Millisecond, Max: 200 * time.Millisecond}}
	})
	defer stop()
	waitFor(t, 10*time.Second, "some articles stored", func() bool { return counts(t, st).Articles > 20 })
	srv.Shutdown()
	srv.WaitForShutdown()
	n := counts(t, st).Articles
	time.Sleep(500 * time.Millisecond)
	if srv, err = RunEmbedded(addr, dir); err != nil {
		t.Fatalf("restart: %v", err)
	}
	waitFor(t, 30*time.Second, "all articles stored", func() bool { return counts(t, st).Articles == len(arts) })
	stop()
	t.Logf("%d of %d articles stored before the restart", n, len(arts))
	if n == len(arts) {
		t.Error("all articles stored before the restart: it did not land mid-batch")
	}
	if s := status(t, q); len(s.Failed) != 0 {
		t.Errorf("failures recorded: %+v", s.Failed)
	}
	checkStored(t, st, arts)
}

// A second client with other settings uses the stream and consumer as
// they are, without changing them.
func TestDialKeepsExistingSettings(t *testing.T) {
	url, cfg := startServer(t), testConfig(t)
	cfg.Duplicates = time.Hour
	first := dial(t, url, cfg)
	other := cfg
	other.Duplicates, other.AckWait, other.Heartbeat = 2*time.Minute, time.Hour, time.Hour
	second := dial(t, url, other)
	ctx := context.Background()
	info, err := second.js.Stream(ctx, cfg.Stream)
	if err != nil {
		t.Fatal(err)
	}
	cinfo, err := second.cons.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if d := info.CachedInfo().Config.Duplicates; d != time.Hour {
		t.Errorf("duplicate window %v, want the first client's 1h", d)
	}
	if w := cinfo.Config.AckWait; w != cfg.AckWait {
		t.Errorf("ack wait %v, want the first client's %v", w, cfg.AckWait)
	}
	// Both clients work on the same queue.
	publish(t, first, articles(3))
	waitFor(t, 5*time.Second, "the second client to see 3 pending", func() bool { return status(t, second).Pending == 3 })
}
