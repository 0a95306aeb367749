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
	"runtime/pprof"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"dyad"
	"dyad/sqlite"
	"dyad/storetest"
	"dyad/story"
)

// TestLoad is a bounded load run on loopback, run only when
// DYAD_LOAD_ARTICLES is set to the number of synthetic articles to store
// (storetest.Sample: 2 SWEGOV→NORGOV events, 3 quotes, 3 figures each):
//
//	DYAD_LOAD_ARTICLES=10000 go test ./http -run TestLoad -v
//
// It reports the p50/p95 latency of each request alone, then requests per
// second and p95 of mixed reads from 8 clients for DYAD_LOAD_SECONDS
// (default 10). Storing 100,000 articles takes minutes: DYAD_LOAD_DB
// names a store file to keep between runs, filled only up to the articles
// it lacks. DYAD_LOAD_PROFILE names a file for the CPU profile of the
// mixed reads.
func TestLoad(t *testing.T) {
	n := loadArticles(t)
	store := loadStore(t, "DYAD_LOAD_DB", n, storetest.Sample)
	srv := httptest.NewServer(New(Config{Store: store, Log: log.New(io.Discard, "", 0)}))
	defer srv.Close()

	// Sample i is published i minutes into 2026: the last day's articles
	// are a recent window.
	last := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n-1) * time.Minute)
	window := fmt.Sprintf("since=%s&until=%s", last.Add(-24*time.Hour).Format(time.RFC3339), last.Add(time.Minute).Format(time.RFC3339))
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
	loadRun(t, srv.URL, append([]string{"/api/dyads/SWE-NOR/series?by=month"}, mixed...), mixed)
}

// TestLoadStories is TestLoad for the stories: DYAD_LOAD_ARTICLES
// articles of storetest.StorySample (stories of 10 articles) in the store
// file DYAD_LOAD_STORY_DB, if set. It reports how long assigning the
// stored articles to stories takes, then the latency of story lists and
// comparisons alone and mixed.
func TestLoadStories(t *testing.T) {
	n := loadArticles(t)
	store := loadStore(t, "DYAD_LOAD_STORY_DB", n, storetest.StorySample)
	ctx := context.Background()
	sv := story.NewService(store, story.DefaultOptions())
	start := time.Now()
	if _, err := sv.Stories(ctx, dyad.Filter{Limit: 1}); err != nil {
		t.Fatal(err)
	}
	t.Logf("assigned the articles without a story in %s", time.Since(start).Round(time.Millisecond))
	srv := httptest.NewServer(New(Config{Store: store, Stories: sv, Log: log.New(io.Discard, "", 0)}))
	defer srv.Close()

	// Stories spread over the store: the latest, and older ones.
	var paths []string
	for _, k := range []int{n/10 - 1, n / 20, n / 40, 7} {
		paths = append(paths, "/api/stories/"+storetest.StorySample(k*10).Article.ID+"/comparison")
	}
	paths = append(paths, "/api/stories?limit=20", "/api/stories?actor=SWE&limit=20", "/api/stories?outlet=Outlet%203&limit=20")
	loadRun(t, srv.URL, paths, paths)
}

// loadArticles reads the number of articles of a load test, or skips it.
func loadArticles(t *testing.T) int {
	n, _ := strconv.Atoi(os.Getenv("DYAD_LOAD_ARTICLES"))
	if n <= 0 {
		t.Skip("set DYAD_LOAD_ARTICLES to run the load test")
	}
	return n
}

// loadStore opens the store file named by the environment variable env,
// or a temporary one, and puts the analyses 0 to n-1 of sample in it.
func loadStore(t *testing.T, env string, n int, sample func(int) *dyad.Analysis) *sqlite.Store {
	ctx := context.Background()
	path := os.Getenv(env)
	if path == "" {
		path = filepath.Join(t.TempDir(), "load.db")
	}
	store, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	start := time.Now()
	for i := range n {
		// Put is a no-op for an article already stored.
		if _, err := store.Put(ctx, sample(i)); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("stored %d articles in %s", n, time.Since(start).Round(time.Millisecond))
	return store
}

// loadRun requests each of alone 30 times, one after the other, then the
// paths of mixed from 8 clients at once for DYAD_LOAD_SECONDS, and logs
// their latencies.
func loadRun(t *testing.T, base string, alone, mixed []string) {
	secs, _ := strconv.Atoi(os.Getenv("DYAD_LOAD_SECONDS"))
	if secs <= 0 {
		secs = 10
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}}
	fetch := func(path string) time.Duration {
		t0 := time.Now()
		res, err := client.Get(base + path)
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
	for _, path := range alone {
		var lat []time.Duration
		for range 30 {
			lat = append(lat, fetch(path))
		}
		t.Logf("%s: p50 %s, p95 %s (30 sequential requests)", path, pct(lat, 50), pct(lat, 95))
	}

	if path := os.Getenv("DYAD_LOAD_PROFILE"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			t.Fatal(err)
		}
		defer pprof.StopCPUProfile()
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
