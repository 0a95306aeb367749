package http

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"dyad/sqlite"
	"dyad/storetest"
)

// TestLoad is a bounded load run on loopback, run only when
// DYAD_LOAD_ARTICLES is set to the number of synthetic articles to store
// (storetest.Sample: 2 SWEGOV→NORGOV events, 3 quotes, 3 figures each):
//
//	DYAD_LOAD_ARTICLES=10000 go test ./http -run TestLoad -v
//
// It reports the p50/p95 latency of the dyad series, then requests per
// second and p95 of mixed reads from 8 clients for DYAD_LOAD_SECONDS
// (default 10).
func TestLoad(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("DYAD_LOAD_ARTICLES"))
	if n <= 0 {
		t.Skip("set DYAD_LOAD_ARTICLES to run the load test")
	}
	secs, _ := strconv.Atoi(os.Getenv("DYAD_LOAD_SECONDS"))
	if secs <= 0 {
		secs = 10
	}
	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "load.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	start := time.Now()
	for i := range n {
		if _, err := store.Put(ctx, storetest.Sample(i)); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("stored %d articles in %s", n, time.Since(start).Round(time.Millisecond))
	srv := httptest.NewServer(New(Config{Store: store, Log: log.New(io.Discard, "", 0)}))
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}}

	fetch := func(path string) time.Duration {
		t0 := time.Now()
		res, err := client.Get(srv.URL + path)
		if err != nil {
			t.Error(err)
			return 0
		}
		_, _ = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Errorf("GET %s: status %d", path, res.StatusCode)
		}
		return time.Since(t0)
	}

	// Sample i is published i minutes into 2026: the last day's articles
	// are a recent window.
	last := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n-1) * time.Minute)
	window := fmt.Sprintf("since=%s&until=%s", last.Add(-24*time.Hour).Format(time.RFC3339), last.Add(time.Minute).Format(time.RFC3339))
	sequential := []string{
		"/api/dyads/SWE-NOR/series?by=month",
		"/api/dyads/SWE-NOR/series?by=day&" + window,
		"/api/articles?limit=20",
		"/api/events?source=SWE&target=NOR&limit=50",
	}
	for _, path := range sequential {
		var lat []time.Duration
		for range 30 {
			lat = append(lat, fetch(path))
		}
		t.Logf("%s: p50 %s, p95 %s (30 sequential requests)", path, pct(lat, 50), pct(lat, 95))
	}

	mixed := []string{
		"/api/articles?limit=20",
		"/api/articles?q=memorandum&limit=20",
		"/api/articles?outlet=Outlet%203&limit=20",
		"/api/actors?limit=20",
		"/api/events?source=SWE&target=NOR&limit=50",
		"/api/quotes?actor=NORGOV&limit=20",
		"/api/figures?limit=20",
		"/api/dyads/SWE-NOR/series?by=day&" + window,
	}
	var (
		mu    sync.Mutex
		lat   = map[string][]time.Duration{}
		wg    sync.WaitGroup
		until = time.Now().Add(time.Duration(secs) * time.Second)
	)
	for c := range 8 {
		wg.Go(func() {
			for i := c; time.Now().Before(until); i++ {
				path := mixed[i%len(mixed)]
				d := fetch(path)
				mu.Lock()
				lat[path] = append(lat[path], d)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	var all []time.Duration
	for _, path := range mixed {
		all = append(all, lat[path]...)
		t.Logf("  %-70s %5d requests, p95 %s", path, len(lat[path]), pct(lat[path], 95))
	}
	t.Logf("mixed reads: %d requests in %ds from 8 clients = %.0f requests/s, p95 %s",
		len(all), secs, float64(len(all))/float64(secs), pct(all, 95))
}

// pct returns the p-th percentile of lat.
func pct(lat []time.Duration, p int) string {
	if len(lat) == 0 {
		return "-"
	}
	s := slices.Clone(lat)
	slices.Sort(s)
	return fmt.Sprint(s[(len(s)-1)*p/100].Round(10 * time.Microsecond))
}
