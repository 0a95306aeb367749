package source

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// resetRobots forgets cached robots.txt files: test servers reuse ports.
func resetRobots() {
	robotsCache.Lock()
	clear(robotsCache.m)
	robotsCache.Unlock()
}

// server starts a test server and forgets cached robots.txt files.
func server(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	resetRobots()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

var local = Options{AllowPrivate: true}

func TestURL(t *testing.T) {
	mux := http.NewServeMux()
	srv := server(t, mux)
	serve := func(path, contentType, body string) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			if contentType != "" {
				w.Header().Set("Content-Type", contentType)
			}
			fmt.Fprint(w, body)
		})
	}
	serve("/page", "text/html; charset=iso-8859-1", "<html><body><p>Visite \xe0 Bakou.</p></body></html>")
	serve("/text", "text/plain; charset=utf-8", "Title\n\nPlain text.")
	serve("/latin", "text/plain; charset=iso-8859-1", "Title\n\nCaf\xe9.")
	serve("/rss", "application/rss+xml", `<rss version="2.0"><channel><title>F</title><item><description>Item.</description></item></channel></rss>`)
	serve("/xmlfeed", "text/xml", `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><description>Item.</description></item></channel></rss>`)
	serve("/jsonl", "application/x-ndjson", `{"text":"Line."}`)
	serve("/sniff", "", `<html><body><p>Sniffed page.</p></body></html>`)
	serve("/png", "image/png", "\x89PNG\r\n")
	serve("/empty", "text/html", "")
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/page", http.StatusFound)
	})

	for _, tt := range []struct {
		path string
		want []string // Input and Text of each item, or Input and error
	}{
		{"/page", []string{"/page Visite à Bakou."}},
		{"/text", []string{"/text Plain text."}},
		{"/latin", []string{"/latin Café."}},
		{"/rss", []string{"/rss#1 Item."}},
		{"/xmlfeed", []string{"/xmlfeed#1 Item."}},
		{"/jsonl", []string{"/jsonl:1 Line."}},
		{"/sniff", []string{"/sniff Sniffed page."}},
		{"/png", []string{"/png unsupported content type image/png"}},
		{"/empty", []string{"/empty empty input"}},
		{"/missing", []string{"/missing HTTP 404 Not Found"}},
	} {
		t.Run(tt.path, func(t *testing.T) {
			var got []string
			for _, it := range read(t, srv.URL+tt.path, local) {
				in := strings.TrimPrefix(it.Input, srv.URL)
				if it.Err != nil {
					got = append(got, in+" "+it.Err.Error())
				} else {
					got = append(got, in+" "+it.Article.Text)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}

	it := one(t, srv.URL+"/moved", local)
	if it.Input != srv.URL+"/moved" || it.Article.URL != srv.URL+"/page" || it.Article.Outlet != "127.0.0.1" {
		t.Errorf("redirected: Input %q, URL %q, Outlet %q", it.Input, it.Article.URL, it.Article.Outlet)
	}
}

func TestURLPrivateRefused(t *testing.T) {
	var hits atomic.Int32
	srv := server(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, "Title\n\nText.")
	}))
	it := one(t, srv.URL+"/a", Options{})
	if it.Err == nil || it.Err.Error() != "refused private address 127.0.0.1; use --allow-private" {
		t.Errorf("got %v, want the private address refused", it)
	}
	if hits.Load() != 0 {
		t.Errorf("server was hit %d times", hits.Load())
	}
	if it := one(t, srv.URL+"/a", local); it.Err != nil {
		t.Errorf("with AllowPrivate: %v", it.Err)
	}
}

func TestIsPrivate(t *testing.T) {
	for _, tt := range []struct {
		ip   string
		want bool
	}{
		{"127.0.0.1", true}, {"10.1.2.3", true}, {"172.16.0.1", true}, {"192.168.1.1", true},
		{"169.254.169.254", true}, {"0.0.0.0", true}, {"100.64.0.1", true}, {"::1", true},
		{"fe80::1", true}, {"fc00::1", true}, {"::ffff:127.0.0.1", true}, {"::", true},
		{"8.8.8.8", false}, {"2a00:1450::1", false}, {"93.184.216.34", false},
	} {
		if got := isPrivate(netip.MustParseAddr(tt.ip)); got != tt.want {
			t.Errorf("isPrivate(%s) = %v, want %v", tt.ip, got, tt.want)
		}
	}
}

func TestURLRedirects(t *testing.T) {
	mux := http.NewServeMux()
	srv := server(t, mux)
	mux.HandleFunc("/r/{n}", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		if n == 0 {
			fmt.Fprint(w, "Title\n\nArrived.")
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/r/%d", n-1), http.StatusFound)
	})
	for _, tt := range []struct {
		n, max int
		want   string // "" for success
	}{
		{5, 0, ""},
		{6, 0, "stopped after 5 redirects"},
		{2, 2, ""},
		{3, 2, "stopped after 2 redirects"},
		{1, -1, "stopped after 0 redirects"},
	} {
		opts := local
		opts.MaxRedirects = tt.max
		it := one(t, fmt.Sprintf("%s/r/%d", srv.URL, tt.n), opts)
		if tt.want == "" {
			if it.Err != nil {
				t.Errorf("%d redirects, max %d: %v", tt.n, tt.max, it.Err)
			}
			continue
		}
		wantErr(t, it, tt.want)
	}
}

func TestURLSizeLimit(t *testing.T) {
	mux := http.NewServeMux()
	srv := server(t, mux)
	body := "Title\n\n" + strings.Repeat("x", 2000)
	mux.HandleFunc("/sized", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, body) // small enough for a Content-Length
	})
	mux.HandleFunc("/chunked", func(w http.ResponseWriter, r *http.Request) {
		for range 4 {
			fmt.Fprint(w, body)
			w.(http.Flusher).Flush()
		}
	})
	opts := local
	opts.MaxBytes = 1 << 10
	wantErr(t, one(t, srv.URL+"/sized", opts), "larger than the 1 KiB limit")
	wantErr(t, one(t, srv.URL+"/chunked", opts), "larger than the 1 KiB limit")
	opts.MaxBytes = 1 << 20
	if it := one(t, srv.URL+"/chunked", opts); it.Err != nil {
		t.Error(it.Err)
	}
}

func TestURLTimeoutAndUnreachable(t *testing.T) {
	srv := server(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			time.Sleep(300 * time.Millisecond)
		}
		fmt.Fprint(w, "Title\n\nText.")
	}))
	opts := local
	opts.Timeout = 100 * time.Millisecond
	wantErr(t, one(t, srv.URL+"/slow", opts), "timed out after 100ms")

	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	wantErr(t, one(t, closed.URL+"/a", local), "unreachable")
}

func TestUserAgent(t *testing.T) {
	var mu sync.Mutex
	var agents []string
	srv := server(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		agents = append(agents, r.URL.Path+" "+r.UserAgent())
		fmt.Fprint(w, "Title\n\nText.")
	}))
	one(t, srv.URL+"/a", local)
	opts := local
	opts.UserAgent = "test-agent/1"
	resetRobots()
	one(t, srv.URL+"/b", opts)
	want := []string{
		"/robots.txt " + DefaultUserAgent, "/a " + DefaultUserAgent,
		"/robots.txt test-agent/1", "/b test-agent/1",
	}
	mu.Lock()
	defer mu.Unlock()
	if strings.Join(agents, "|") != strings.Join(want, "|") {
		t.Errorf("requests %q, want %q", agents, want)
	}
}

func TestRobots(t *testing.T) {
	var robotsHits atomic.Int32
	mux := http.NewServeMux()
	srv := server(t, mux)
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		robotsHits.Add(1)
		fmt.Fprint(w, "User-agent: *\nDisallow: /\n\nUser-agent: Dyad/0.1\nDisallow: /private\nAllow: /private/ok\n")
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/go-private" {
			http.Redirect(w, r, "/private/x", http.StatusFound)
			return
		}
		fmt.Fprint(w, "Title\n\nText.")
	})
	for _, tt := range []struct {
		path string
		ok   bool
	}{
		{"/news", true},
		{"/private/x", false},
		{"/private/ok/y", true},
		{"/go-private", false},
		{"/news?page=2", true},
	} {
		it := one(t, srv.URL+tt.path, local)
		if tt.ok && it.Err != nil {
			t.Errorf("%s: %v", tt.path, it.Err)
		}
		if !tt.ok {
			wantErr(t, it, "disallowed by robots.txt")
		}
	}
	if n := robotsHits.Load(); n != 1 {
		t.Errorf("robots.txt fetched %d times, want once", n)
	}
}

func TestRobotsMissingOrFailing(t *testing.T) {
	for _, status := range []int{http.StatusNotFound, http.StatusInternalServerError, http.StatusForbidden} {
		srv := server(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/robots.txt" {
				w.WriteHeader(status)
				return
			}
			fmt.Fprint(w, "Title\n\nText.")
		}))
		if it := one(t, srv.URL+"/a", local); it.Err != nil {
			t.Errorf("robots.txt status %d: %v", status, it.Err)
		}
	}
}

func TestParseRobots(t *testing.T) {
	const robots = `# comment
User-agent: Googlebot
Disallow: /

User-agent: other
User-agent: *   # the group for everyone
Disallow: /private
Allow: /private/public
Disallow: /*.pdf$
Disallow: /search*q=
Crawl-delay: 10
Disallow:

Sitemap: https://example.com/sitemap.xml
`
	rules := parseRobots(robots, "dyad")
	for _, tt := range []struct {
		path string
		want bool
	}{
		{"/", true},
		{"/news/1", true},
		{"/private", false},
		{"/private/x", false},
		{"/private/public/x", true},
		{"/doc.pdf", false},
		{"/doc.pdf?x=1", true},
		{"/search?lang=en&q=x", false},
		{"/search", true},
	} {
		u, _ := url.Parse("https://example.com" + tt.path)
		if got := robotsAllows(rules, u); got != tt.want {
			t.Errorf("%s: allowed = %v, want %v", tt.path, got, tt.want)
		}
	}

	// A group for dyad wins over "*", and two groups for dyad merge.
	rules = parseRobots("User-agent: *\nDisallow: /\nUser-agent: dyad\nDisallow: /a\nUser-agent: DYAD\nDisallow: /b", "dyad")
	u, _ := url.Parse("https://example.com/c")
	if !robotsAllows(rules, u) || len(rules) != 2 {
		t.Errorf("rules for dyad = %v", rules)
	}
}

func TestRobotsMatch(t *testing.T) {
	for _, tt := range []struct {
		pattern, path string
		want          bool
	}{
		{"/", "/anything", true},
		{"/a", "/ab", true},
		{"/a$", "/ab", false},
		{"/a$", "/a", true},
		{"/*/b", "/x/y/b/z", true},
		{"*", "/", true},
		{"/a*b*c$", "/aXbYc", true},
		{"/a*b*c$", "/aXbYcZ", false},
		{"/" + strings.Repeat("*a", 30) + "$", "/" + strings.Repeat("a", 40) + "b", false},
	} {
		if got := robotsMatch(tt.pattern, tt.path); got != tt.want {
			t.Errorf("robotsMatch(%q, %q) = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}
