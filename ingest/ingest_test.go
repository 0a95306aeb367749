package ingest_test

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"

	"dyad"
	"dyad/ingest"
	"dyad/sqlite"
)

// stubAnalyzer finds nothing but counts calls, and fails on request.
type stubAnalyzer struct {
	mu    sync.Mutex
	calls int
	fail  string // article ID to fail on
}

func (a *stubAnalyzer) Analyze(art dyad.Article) (*dyad.Analysis, error) {
	a.mu.Lock()
	a.calls++
	a.mu.Unlock()
	if art.ID == a.fail {
		return nil, errors.New("boom")
	}
	return &dyad.Analysis{Article: art}, nil
}

// stubCoder adds one event to every analysis.
type stubCoder struct{}

func (stubCoder) Code(an *dyad.Analysis) error {
	an.Events = append(an.Events, dyad.Event{Date: "2026-01-26", CAMEO: "042", Root: "04",
		Source: dyad.EventActor{Code: "ISRGOV"}, Target: dyad.EventActor{Code: "AZEGOV"}, Mentions: 1})
	return nil
}

func open(t *testing.T) dyad.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestAdd(t *testing.T) {
	ctx := context.Background()
	an := &stubAnalyzer{fail: "bad"}
	p := &ingest.Pipeline{Analyzer: an, Coder: stubCoder{}, Store: open(t)}
	var sum ingest.Summary
	for _, id := range []string{"a", "b", "a", "bad", "b"} {
		o, err := p.Add(ctx, dyad.Article{ID: id, Text: "text " + id})
		if (err != nil) != (id == "bad") {
			t.Errorf("Add(%s): err = %v", id, err)
		}
		sum.Count(o, err)
	}
	want := ingest.Summary{Read: 5, New: 2, Duplicate: 2, Failed: 1}
	if sum != want {
		t.Errorf("summary %+v, want %+v", sum, want)
	}
	if an.calls != 3 {
		t.Errorf("analyzed %d times, want 3: a stored article is not analyzed again", an.calls)
	}
	n, err := p.Store.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n.Articles != 2 || n.Events != 2 {
		t.Errorf("store holds %+v, want 2 articles with one event each", n)
	}
	if got := sum.String(); got != "read 5, new 2, duplicate 2, failed 1" {
		t.Errorf("summary text %q", got)
	}
}

// Several goroutines adding the same articles store each exactly once.
func TestAddConcurrent(t *testing.T) {
	ctx := context.Background()
	p := &ingest.Pipeline{Analyzer: &stubAnalyzer{}, Store: open(t)}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var sum ingest.Summary
	for range 4 {
		wg.Go(func() {
			for _, id := range []string{"a", "b", "c"} {
				o, err := p.Add(ctx, dyad.Article{ID: id, Text: id})
				mu.Lock()
				sum.Count(o, err)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if sum.New != 3 || sum.Duplicate != 9 || sum.Failed != 0 {
		t.Errorf("summary %+v, want 3 new and 9 duplicates", sum)
	}
}
