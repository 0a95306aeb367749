// Package http serves dyad over HTTP: a JSON API under /api/ (described by
// /api/openapi.json), the web UI embedded from ui/dist, /metrics in the
// Prometheus text format and /healthz.
//
// The package is named http after its directory, as in the layout DESIGN.md
// follows (benbjohnson/wtf): callers import it as dyadhttp; inside it
// "http" is net/http.
package http

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"strings"
	"time"

	"dyad"
	"dyad/ingest"
)

// Ingester stores one article; ingest.Pipeline is one.
type Ingester interface {
	Add(ctx context.Context, art dyad.Article) (ingest.Outcome, error)
}

// Stories lists stories and compares how outlets told one; story.Service
// is one.
type Stories interface {
	Stories(ctx context.Context, f dyad.Filter) ([]dyad.Story, error)
	// Story returns story id and its comparison, or an error wrapping
	// dyad.ErrNotFound.
	Story(ctx context.Context, id string, f dyad.Filter) (dyad.Story, dyad.Comparison, error)
}

// Config is what a Server serves.
type Config struct {
	Store    dyad.Store
	Ingester Ingester // POST /api/articles; needs Token too
	Stories  Stories  // optional: /api/stories answers 501 without it
	// Token enables POST /api/articles for requests carrying
	// "Authorization: Bearer <Token>". Empty: ingest is refused.
	Token string
	// CORS is the one origin allowed to call the API from a browser.
	// Empty: no CORS headers, so other origins cannot read responses.
	CORS string
	// MaxBody limits a request body. Default 10 MiB.
	MaxBody int64
	// Log receives one line per server error. Default log.Default().
	Log *log.Logger
}

// Server is the HTTP handler of dyad serve.
type Server struct {
	cfg     Config
	mux     *http.ServeMux
	metrics *metrics
}

// New returns a Server for cfg.
func New(cfg Config) *Server {
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 10 << 20
	}
	if cfg.Log == nil {
		cfg.Log = log.Default()
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux(), metrics: newMetrics()}
	s.routes()
	return s
}

func (s *Server) routes() {
	m := s.mux
	m.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	m.Handle("GET /metrics", s.metrics)
	m.HandleFunc("GET /api/openapi.json", serveOpenAPI)
	m.HandleFunc("GET /api/articles", s.articles)
	m.HandleFunc("POST /api/articles", s.postArticles)
	m.HandleFunc("GET /api/articles/{id}", s.article)
	m.HandleFunc("GET /api/actors", s.actors)
	m.HandleFunc("GET /api/events", s.events)
	m.HandleFunc("GET /api/dyads/{dyad}/series", s.series)
	m.HandleFunc("GET /api/network", s.network)
	m.HandleFunc("GET /api/quotes", s.quotes)
	m.HandleFunc("GET /api/figures", s.figures)
	m.HandleFunc("GET /api/outlets", s.outlets)
	m.HandleFunc("GET /api/stories", s.stories)
	m.HandleFunc("GET /api/stories/{id}/comparison", s.comparison)
	m.HandleFunc("GET /api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Errorf("%s %s: no such endpoint; see /api/openapi.json", r.Method, r.URL.Path))
	})
	m.Handle("GET /", uiHandler())
}

// ServeHTTP adds the headers every response carries, CORS when
// configured, the body limit and metrics around the routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'")
	if s.cfg.CORS != "" && strings.HasPrefix(r.URL.Path, "/api/") {
		h.Set("Access-Control-Allow-Origin", s.cfg.CORS)
		h.Set("Vary", "Origin")
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			h.Set("Access-Control-Allow-Methods", "GET, POST")
			h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
			h.Set("Access-Control-Max-Age", "600")
			rec.WriteHeader(http.StatusNoContent)
			s.metrics.observe("preflight", rec.status, time.Since(start))
			return
		}
	}
	r.Body = http.MaxBytesReader(rec, r.Body, s.cfg.MaxBody)
	s.mux.ServeHTTP(rec, r)
	route := r.Pattern // set by the mux on r
	if route == "" {
		route = "unmatched"
	}
	s.metrics.observe(route, rec.status, time.Since(start))
}

// statusWriter remembers the status written.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// authorized reports whether r carries the configured token.
func (s *Server) authorized(r *http.Request) bool {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(got), []byte(s.cfg.Token)) == 1
}

// writeJSON writes v as JSON with status code.
func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	// The encoder escapes <, > and & (as \u003c …), so markup in article
	// text never reaches a client as markup, even one that sniffs.
	_ = json.NewEncoder(w).Encode(v) // an error means the client went away
}

// apiError is the body of every error response: one line saying what was
// wrong.
type apiError struct {
	Error string `json:"error"`
}

func writeError(w http.ResponseWriter, code int, err error) {
	writeJSON(w, code, apiError{err.Error()})
}

// fail answers a store error: a malformed full-text query is the client's,
// anything else is logged and reported as a server error.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, dyad.ErrInvalidQuery):
		writeError(w, http.StatusBadRequest, fmt.Errorf("q: %w", err))
	case errors.Is(err, dyad.ErrNotFound):
		writeError(w, http.StatusNotFound, err)
	case r.Context().Err() != nil:
		// The client went away.
	default:
		s.cfg.Log.Printf("dyad serve: %s %s: %v", r.Method, r.URL.Path, err)
		writeError(w, http.StatusInternalServerError, errors.New("internal error; see the server log"))
	}
}
