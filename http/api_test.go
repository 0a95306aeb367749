package http

import (
	"context"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"dyad"
	"dyad/source"
	"dyad/sqlite"
)

// get fetches path from srv and returns the status and body.
func get(t *testing.T, srv *httptest.Server, path string) (int, []byte) {
	t.Helper()
	res, err := srv.Client().Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, body
}

// getJSON fetches path, wants status 200 and decodes the body into v.
func getJSON(t *testing.T, path string, v any) {
	t.Helper()
	code, body := get(t, sharedSrv, path)
	if code != http.StatusOK {
		t.Fatalf("GET %s: status %d: %s", path, code, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
}

func TestArticles(t *testing.T) {
	tests := []struct {
		path string
		want int // number of articles; -1: some, fewer than all
		ok   func(dyad.Article) bool
	}{
		{"/api/articles", 13, nil},
		{"/api/articles?limit=2", 2, nil},
		{"/api/articles?outlet=meridian%20wire", 3, func(a dyad.Article) bool { return a.Outlet == "Meridian Wire" }},
		{"/api/articles?since=2026-06-01&until=2026-07-01", 4, func(a dyad.Article) bool { return a.Published.Month() == 6 }},
		{"/api/articles?q=ceasefire", -1, nil},
		{"/api/articles?q=zzzunheardof", 0, nil},
	}
	for _, tt := range tests {
		var arts []dyad.Article
		getJSON(t, tt.path, &arts)
		if tt.want >= 0 && len(arts) != tt.want || tt.want < 0 && (len(arts) == 0 || len(arts) >= 13) {
			t.Errorf("GET %s: %d articles, want %d", tt.path, len(arts), tt.want)
		}
		for _, a := range arts {
			if a.Text != "" {
				t.Errorf("GET %s: article %s carries its text; lists leave it out", tt.path, a.ID)
			}
			if tt.ok != nil && !tt.ok(a) {
				t.Errorf("GET %s: article %s (%s, %s) does not pass the filter", tt.path, a.ID, a.Outlet, a.Published)
			}
		}
	}
}

// TestArticleEscapes checks that an article carrying markup comes back as
// the same text, with no raw "<" in the JSON that a careless page could
// insert.
func TestArticleEscapes(t *testing.T) {
	id := source.ArticleID(scriptText)
	code, body := get(t, sharedSrv, "/api/articles/"+id)
	if code != http.StatusOK {
		t.Fatalf("status %d: %s", code, body)
	}
	if strings.Contains(string(body), "<script>") {
		t.Error("the JSON carries a raw <script> tag; want it escaped as \\u003c")
	}
	var an dyad.Analysis
	if err := json.Unmarshal(body, &an); err != nil {
		t.Fatal(err)
	}
	if an.Article.Text != scriptText || an.Article.Title != scriptTitle {
		t.Errorf("article comes back as title %q, text %q; want them unchanged", an.Article.Title, an.Article.Text)
	}
	if len(an.Mentions) == 0 || len(an.Quotes) == 0 || len(an.Figures) == 0 {
		t.Errorf("article has %d mentions, %d quotes, %d figures; want some of each", len(an.Mentions), len(an.Quotes), len(an.Figures))
	}
	if err := an.CheckSpans(); err != nil {
		t.Error(err)
	}
}

func TestArticleDetail(t *testing.T) {
	var arts []dyad.Article
	getJSON(t, "/api/articles?outlet=Meridian%20Wire&limit=1", &arts)
	var an dyad.Analysis
	getJSON(t, "/api/articles/"+arts[0].ID, &an)
	if an.Article.ID != arts[0].ID || an.Article.Text == "" || len(an.Actors) == 0 || len(an.Mentions) == 0 {
		t.Errorf("article %s: id %s, %d bytes of text, %d actors, %d mentions; want the article with its annotations",
			arts[0].ID, an.Article.ID, len(an.Article.Text), len(an.Actors), len(an.Mentions))
	}
	if err := an.CheckSpans(); err != nil {
		t.Error(err)
	}
}

func TestLists(t *testing.T) {
	var actors []dyad.ActorSummary
	getJSON(t, "/api/actors?actor=TUR", &actors)
	if len(actors) == 0 {
		t.Error("GET /api/actors?actor=TUR: no actors")
	}
	for _, a := range actors {
		if a.Country != "TUR" && a.Code != "TUR" {
			t.Errorf("GET /api/actors?actor=TUR: actor %s (%s) is not Turkish", a.ID, a.Code)
		}
	}
	var quotes []dyad.QuoteRecord
	getJSON(t, "/api/quotes?outlet=Northline%20Post", &quotes)
	if len(quotes) == 0 {
		t.Error("GET /api/quotes: no quotes from Northline Post")
	}
	for _, q := range quotes {
		if q.Outlet != "Northline Post" {
			t.Errorf("quote from %q, want Northline Post", q.Outlet)
		}
	}
	var figures []dyad.FigureRecord
	getJSON(t, "/api/figures?since=2026-10-01", &figures)
	if len(figures) == 0 {
		t.Error("GET /api/figures: no figures since 2026-10-01")
	}
	var outs []Outlet
	getJSON(t, "/api/outlets", &outs)
	names := map[string]int{}
	for _, o := range outs {
		names[o.Name] = o.Articles
	}
	if len(outs) != 5 || names["Meridian Wire"] != 3 || names[scriptOutlet] != 1 {
		t.Errorf("GET /api/outlets = %+v; want the four demo outlets with 3 articles each and the test wire", outs)
	}
}

func TestEvents(t *testing.T) {
	tests := []struct {
		query string
		ok    func(dyad.EventRecord) bool
	}{
		{"quad=4", func(e dyad.EventRecord) bool { return e.Quad == 4 }},
		{"cameo=04", func(e dyad.EventRecord) bool { return strings.HasPrefix(e.CAMEO, "04") }},
		{"source=TUR&target=IDN&undirected=true", func(e dyad.EventRecord) bool {
			s, g := e.Event.Source.Country, e.Target.Country
			return s == "TUR" && g == "IDN" || s == "IDN" && g == "TUR"
		}},
		{"source=CIV", func(e dyad.EventRecord) bool { return e.Event.Source.Country == "CIV" }},
	}
	for _, tt := range tests {
		var events []dyad.EventRecord
		getJSON(t, "/api/events?"+tt.query, &events)
		if len(events) == 0 {
			t.Errorf("GET /api/events?%s: no events", tt.query)
		}
		for _, e := range events {
			if !tt.ok(e) {
				t.Errorf("GET /api/events?%s: event %s %s→%s quad %d does not pass", tt.query, e.CAMEO, e.Event.Source.Code, e.Target.Code, e.Quad)
			}
		}
	}
}

func TestSeries(t *testing.T) {
	for _, by := range []string{"day", "week", "month"} {
		var events []dyad.EventRecord
		getJSON(t, "/api/events?source=CIV&target=BFA&undirected=true&limit=1000", &events)
		var s Series
		getJSON(t, "/api/dyads/CIV-BFA/series?undirected=true&by="+by, &s)
		total, quads := 0, 0
		for _, b := range s.Buckets {
			total += b.Events
			quads += b.Quad[0] + b.Quad[1] + b.Quad[2] + b.Quad[3]
		}
		if len(events) == 0 || s.Events != len(events) || total+s.Undated != len(events) || quads != total {
			t.Errorf("by %s: series counts %d events, %d in buckets (%d by quad), %d undated; /api/events gives %d",
				by, s.Events, total, quads, s.Undated, len(events))
		}
		if s.Source != "CIV" || s.Target != "BFA" || s.By != by {
			t.Errorf("by %s: series of %s-%s by %s", by, s.Source, s.Target, s.By)
		}
	}
	var s Series
	getJSON(t, "/api/dyads/civ-bfa/series", &s)
	if s.By != "month" || s.Source != "CIV" {
		t.Errorf("default series: by %q, source %q; want month and the code upper-cased", s.By, s.Source)
	}
}

func TestNetwork(t *testing.T) {
	var net Network
	getJSON(t, "/api/network", &net)
	if len(net.Links) == 0 {
		t.Fatal("no links")
	}
	nodes := map[string]bool{}
	for _, n := range net.Nodes {
		nodes[n.Code] = true
	}
	for i, l := range net.Links {
		if !nodes[l.Source] || !nodes[l.Target] || l.Source == l.Target {
			t.Errorf("link %s→%s: want two different nodes of the network", l.Source, l.Target)
		}
		if i > 0 && l.Weight > net.Links[i-1].Weight {
			t.Errorf("links not heaviest first at %d", i)
		}
	}
	var sub Network
	getJSON(t, "/api/network?actor=CIV", &sub)
	if len(sub.Links) == 0 || len(sub.Links) >= len(net.Links) {
		t.Errorf("network of CIV has %d links of %d; want some, not all", len(sub.Links), len(net.Links))
	}
}

func TestStoriesNotConfigured(t *testing.T) {
	for _, path := range []string{"/api/stories", "/api/stories/visit/comparison"} {
		code, body := get(t, sharedSrv, path)
		if code != http.StatusNotImplemented || !strings.Contains(string(body), "no story clustering") {
			t.Errorf("GET %s = %d %s; want 501 saying there is no story clustering", path, code, body)
		}
	}
}

// fakeStories answers with one story, "visit", with as many articles as
// the limit asked for.
type fakeStories struct{}

func (fakeStories) Stories(_ context.Context, f dyad.Filter) ([]dyad.Story, error) {
	return []dyad.Story{{ID: "visit", Articles: make([]string, f.Limit)}}, nil
}

func (fakeStories) Story(_ context.Context, id string, _ dyad.Filter) (dyad.Story, dyad.Comparison, error) {
	if id != "visit" {
		return dyad.Story{}, dyad.Comparison{}, dyad.ErrNotFound
	}
	return dyad.Story{ID: id}, dyad.Comparison{Story: id}, nil
}

func TestStories(t *testing.T) {
	srv := httptest.NewServer(New(Config{Store: shared, Stories: fakeStories{}}))
	defer srv.Close()
	tests := []struct {
		path string
		code int
		body string
	}{
		{"/api/stories?limit=2", 200, `[{"id":"visit","headline":"","central":"","articles":["",""],"outlets":null,"actors":null,"events":null}]`},
		{"/api/stories/visit/comparison", 200, `{"story":{"id":"visit","headline":"","central":"","articles":null,"outlets":null,"actors":null,"events":null},"comparison":{"story":"visit","voices":null,"figures":null,"quotes":null,"events":null,"actors":null}}`},
		{"/api/stories/nope/comparison", 404, `{"error":"not found"}`},
		{"/api/stories?limit=x", 400, `{"error":"limit \"x\": want a whole number from 1 to 1000"}`},
	}
	for _, tt := range tests {
		code, body := get(t, srv, tt.path)
		if code != tt.code || strings.TrimSpace(string(body)) != tt.body {
			t.Errorf("GET %s = %d %s; want %d %s", tt.path, code, body, tt.code, tt.body)
		}
	}
}

// TestArticleNotFound: an article ID the store does not have is a 404.
func TestArticleNotFound(t *testing.T) {
	srv := httptest.NewServer(New(Config{Store: shared}))
	defer srv.Close()
	code, body := get(t, srv, "/api/articles/0123456789abcdef")
	if code != http.StatusNotFound || !strings.Contains(string(body), "not found") {
		t.Errorf("GET /api/articles/0123456789abcdef = %d %s; want 404", code, body)
	}
}

func TestBadParameters(t *testing.T) {
	tests := []struct {
		path string
		code int
		name string // the parameter the error must name
	}{
		{"/api/articles?since=yesterday", 400, "since"},
		{"/api/articles?until=2026-13-01", 400, "until"},
		{"/api/articles?since=2026-06-02&until=2026-06-01", 400, "until"},
		{"/api/articles?limit=0", 400, "limit"},
		{"/api/articles?limit=abc", 400, "limit"},
		{"/api/articles?limit=5000", 400, "limit"},
		{"/api/articles?q=%22unbalanced", 400, "invalid query"},
		{"/api/quotes?since=2026-02-30", 400, "since"},
		{"/api/events?quad=5", 400, "quad"},
		{"/api/events?quad=x", 400, "quad"},
		{"/api/events?cameo=abc", 400, "cameo"},
		{"/api/events?undirected=maybe", 400, "undirected"},
		{"/api/network?quad=0", 400, "quad"},
		{"/api/outlets?limit=-1", 400, "limit"},
		{"/api/dyads/ISR/series", 400, "dyad"},
		{"/api/dyads/ISR-/series", 400, "dyad"},
		{"/api/dyads/I$R-AZE/series", 400, "dyad"},
		{"/api/dyads/TUR-IDN/series?by=year", 400, "by"},
		{"/api/dyads/TUR-IDN/series?quad=9", 400, "quad"},
		{"/api/articles/not-an-id", 400, "id"},
		{"/api/articles/0000000000000000", 404, "0000000000000000"},
		{"/api/nothing", 404, "/api/nothing"},
		{"/api/articles", 405, ""}, // DELETE below
	}
	for _, tt := range tests {
		method := http.MethodGet
		if tt.code == 405 {
			method = http.MethodDelete
		}
		req, _ := http.NewRequest(method, sharedSrv.URL+tt.path, nil)
		res, err := sharedSrv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tt.code {
			t.Errorf("%s %s = %d %s; want %d", method, tt.path, res.StatusCode, body, tt.code)
			continue
		}
		if tt.name == "" {
			continue
		}
		var e apiError
		if err := json.Unmarshal(body, &e); err != nil || e.Error == "" || strings.Contains(e.Error, "\n") || !strings.Contains(e.Error, tt.name) {
			t.Errorf("%s %s: body %s; want one JSON line naming %q", method, tt.path, body, tt.name)
		}
	}
}

func TestUIAndHealth(t *testing.T) {
	tests := []struct {
		path, contentType, contains string
	}{
		{"/healthz", "text/plain", "ok"},
		{"/", "text/html", "<title>dyad</title>"},
		{"/app.js", "javascript", "textContent"},
		{"/echarts.min.js", "javascript", "echarts"},
		{"/api/openapi.json", "application/json", `"openapi"`},
	}
	for _, tt := range tests {
		res, err := sharedSrv.Client().Get(sharedSrv.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Content-Type"), tt.contentType) || !strings.Contains(string(body), tt.contains) {
			t.Errorf("GET %s = %d %s, %d bytes; want 200 %s containing %q", tt.path, res.StatusCode, res.Header.Get("Content-Type"), len(body), tt.contentType, tt.contains)
		}
		if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("GET %s: Content-Security-Policy %q", tt.path, csp)
		}
	}
}

// TestOpenAPI checks that the document is OpenAPI 3 and describes every
// API route the server has.
func TestOpenAPI(t *testing.T) {
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	getJSON(t, "/api/openapi.json", &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q, want 3.x", doc.OpenAPI)
	}
	routes := map[string]string{
		"/api/articles": "get post", "/api/articles/{id}": "get", "/api/actors": "get",
		"/api/events": "get", "/api/dyads/{dyad}/series": "get", "/api/network": "get",
		"/api/quotes": "get", "/api/figures": "get", "/api/outlets": "get",
		"/api/stories": "get", "/api/stories/{id}/comparison": "get",
		"/healthz": "get", "/metrics": "get", "/api/openapi.json": "get",
	}
	for path, methods := range routes {
		for _, m := range strings.Fields(methods) {
			if doc.Paths[path][m] == nil {
				t.Errorf("openapi.json does not describe %s %s", strings.ToUpper(m), path)
			}
		}
	}
	if len(doc.Paths) != len(routes) {
		t.Errorf("openapi.json describes %d paths, the server has %d", len(doc.Paths), len(routes))
	}
}

// ingestServer serves a fresh store with ingest, as dyad serve wires it.
func ingestServer(t *testing.T, token string, maxBody int64) *httptest.Server {
	t.Helper()
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	p := pipeline(store)
	srv := httptest.NewServer(New(Config{Store: store, Ingester: p, Token: token, MaxBody: maxBody, Log: log.New(io.Discard, "", 0)}))
	t.Cleanup(srv.Close)
	return srv
}

func post(t *testing.T, srv *httptest.Server, query, auth, body string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/articles"+query, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-ndjson")
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	res, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, b
}

const testToken = "s3cret-token"

func TestIngestToken(t *testing.T) {
	line, _ := json.Marshal(map[string]string{"title": "Accord signed", "outlet": "Wire", "published": "2026-05-01",
		"text": "Accord signed\nTurkish President Recep Tayyip Erdogan met Indonesian Foreign Minister Sugiono in Ankara."})
	body := string(line) + "\n"
	open := ingestServer(t, "", 0)
	locked := ingestServer(t, testToken, 0)
	small := ingestServer(t, testToken, 64)
	tests := []struct {
		name  string
		srv   *httptest.Server
		query string
		auth  string
		code  int
		want  string // in the body
	}{
		{"no token configured", open, "", "Bearer " + testToken, 403, "ingest is disabled"},
		{"no header", locked, "", "", 401, "Authorization: Bearer"},
		{"wrong token", locked, "", "Bearer nope", 401, "Authorization: Bearer"},
		{"not bearer", locked, "", "Basic " + testToken, 401, "Authorization: Bearer"},
		{"bad published", locked, "?published=soon", "Bearer " + testToken, 400, `published \"soon\": want a date`},
		{"right token", locked, "?published=2026-05-02", "Bearer " + testToken, 201, `"new":1`},
		{"again", locked, "", "Bearer " + testToken, 200, `"duplicate":1`},
		{"body over the limit", small, "", "Bearer " + testToken, 400, `"failed":1`},
	}
	for _, tt := range tests {
		res, b := post(t, tt.srv, tt.query, tt.auth, body)
		if res.StatusCode != tt.code || !strings.Contains(string(b), tt.want) {
			t.Errorf("%s: %d %s; want %d with %s", tt.name, res.StatusCode, b, tt.code, tt.want)
		}
		if tt.code == 401 && res.Header.Get("WWW-Authenticate") == "" {
			t.Errorf("%s: 401 without WWW-Authenticate", tt.name)
		}
	}
	// What was ingested can be read without a token.
	code, b := get(t, locked, "/api/articles?q=accord")
	if code != 200 || !strings.Contains(string(b), "Accord signed") {
		t.Errorf("GET /api/articles?q=accord after ingest = %d %s", code, b)
	}
}

func TestCORS(t *testing.T) {
	const origin = "https://app.example"
	withCORS := httptest.NewServer(New(Config{Store: shared, CORS: origin}))
	defer withCORS.Close()
	tests := []struct {
		name   string
		srv    *httptest.Server
		method string
		code   int
		allow  string
	}{
		{"off by default", sharedSrv, http.MethodGet, 200, ""},
		{"on", withCORS, http.MethodGet, 200, origin},
		{"preflight", withCORS, http.MethodOptions, 204, origin},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(tt.method, tt.srv.URL+"/api/actors?limit=1", nil)
		req.Header.Set("Origin", "https://elsewhere.example")
		req.Header.Set("Access-Control-Request-Method", "POST")
		res, err := tt.srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != tt.code || res.Header.Get("Access-Control-Allow-Origin") != tt.allow {
			t.Errorf("%s: %d, Access-Control-Allow-Origin %q; want %d, %q", tt.name, res.StatusCode, res.Header.Get("Access-Control-Allow-Origin"), tt.code, tt.allow)
		}
	}
}

func TestMetricsEndpoint(t *testing.T) {
	get(t, sharedSrv, "/api/actors?limit=1")
	get(t, sharedSrv, "/api/events?quad=9")
	get(t, sharedSrv, "/no/such/page")
	_, body := get(t, sharedSrv, "/metrics")
	for _, want := range []string{
		`dyad_http_requests_total{route="GET /api/actors",code="200"} `,
		`dyad_http_requests_total{route="GET /api/events",code="400"} `,
		`dyad_http_request_duration_seconds_bucket{route="GET /api/actors",le="+Inf"} `,
		`dyad_http_request_duration_seconds_count{route="GET /api/actors"} `,
		"# TYPE dyad_http_request_duration_seconds histogram",
	} {
		if !strings.Contains(string(body), want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}
