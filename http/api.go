package http

import (
	"errors"
	"net/http"
	"regexp"

	"dyad"
	"dyad/ingest"
	"dyad/source"
)

// list serves a list endpoint: it reads the filters and answers with what
// query returns for them.
func list[T any](s *Server, events bool, query func(*http.Request, dyad.Filter) ([]T, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		f, err := filter(r.URL.Query(), events)
		if err != nil {
			writeError(w, http.StatusBadRequest, err)
			return
		}
		items, err := query(r, f)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if items == nil {
			items = []T{}
		}
		writeJSON(w, http.StatusOK, items)
	}
}

// articles lists articles without their text, which /api/articles/{id}
// gives.
func (s *Server) articles(w http.ResponseWriter, r *http.Request) {
	list(s, false, func(r *http.Request, f dyad.Filter) ([]dyad.Article, error) {
		arts, err := s.cfg.Store.Articles(r.Context(), f)
		for i := range arts {
			arts[i].Text = ""
		}
		return arts, err
	})(w, r)
}

func (s *Server) actors(w http.ResponseWriter, r *http.Request) {
	list(s, false, func(r *http.Request, f dyad.Filter) ([]dyad.ActorSummary, error) {
		return s.cfg.Store.Actors(r.Context(), f)
	})(w, r)
}

func (s *Server) quotes(w http.ResponseWriter, r *http.Request) {
	list(s, false, func(r *http.Request, f dyad.Filter) ([]dyad.QuoteRecord, error) {
		return s.cfg.Store.Quotes(r.Context(), f)
	})(w, r)
}

func (s *Server) figures(w http.ResponseWriter, r *http.Request) {
	list(s, false, func(r *http.Request, f dyad.Filter) ([]dyad.FigureRecord, error) {
		return s.cfg.Store.Figures(r.Context(), f)
	})(w, r)
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	list(s, true, func(r *http.Request, f dyad.Filter) ([]dyad.EventRecord, error) {
		return s.cfg.Store.Events(r.Context(), f)
	})(w, r)
}

var idRE = regexp.MustCompile(`^[0-9a-f]{16}$`)

// article serves one article with everything found in it.
func (s *Server) article(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !idRE.MatchString(id) {
		writeError(w, http.StatusBadRequest, &paramError{"id", id, "an article ID of 16 hex digits"})
		return
	}
	an, err := s.cfg.Store.Analysis(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, an)
}

// postArticles ingests the articles in the body, in any format dyad reads
// (text, HTML, JSON Lines), and says what became of each. The published
// parameter dates articles that carry no date, as dyad ingest --published.
func (s *Server) postArticles(w http.ResponseWriter, r *http.Request) {
	switch {
	case s.cfg.Token == "" || s.cfg.Ingester == nil:
		writeError(w, http.StatusForbidden, errors.New("ingest is disabled: start dyad serve with --token or DYAD_TOKEN"))
		return
	case !s.authorized(r):
		w.Header().Set("WWW-Authenticate", `Bearer realm="dyad"`)
		writeError(w, http.StatusUnauthorized, errors.New("ingest needs the header Authorization: Bearer <token>"))
		return
	}
	type result struct {
		Input   string `json:"input"`
		ID      string `json:"id,omitempty"`
		Outcome string `json:"outcome"` // new, duplicate or failed
		Error   string `json:"error,omitempty"`
	}
	var (
		sum     ingest.Summary
		results = []result{}
	)
	published, err := date(r.URL.Query(), "published")
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	opts := source.Options{Stdin: r.Body, MaxBytes: s.cfg.MaxBody, Published: published}
	source.Read(r.Context(), "-", opts, func(it source.Item) {
		var o ingest.Outcome
		err := it.Err
		if err == nil {
			o, err = s.cfg.Ingester.Add(r.Context(), it.Article)
		}
		sum.Count(o, err)
		res := result{Input: it.Input, ID: it.Article.ID}
		switch {
		case err != nil:
			res.Outcome, res.Error = "failed", err.Error()
		case o == ingest.New:
			res.Outcome = "new"
		default:
			res.Outcome = "duplicate"
		}
		results = append(results, res)
	})
	code := http.StatusOK
	if sum.New > 0 {
		code = http.StatusCreated
	}
	if sum.Failed > 0 && sum.Failed == sum.Read {
		code = http.StatusBadRequest
	}
	writeJSON(w, code, struct {
		ingest.Summary
		Articles []result `json:"articles"`
	}{sum, results})
}

// series serves a dyad's events per period.
func (s *Server) series(w http.ResponseWriter, r *http.Request) {
	src, tgt, err := parseDyad(r.PathValue("dyad"))
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	v := r.URL.Query()
	by := v.Get("by")
	if by == "" {
		by = "month"
	}
	if periods[by] == nil {
		writeError(w, http.StatusBadRequest, &paramError{"by", by, "day, week or month"})
		return
	}
	f, err := filter(v, true)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	f.Source, f.Target = src, tgt
	counts, err := s.cfg.Store.EventCounts(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := Series{Source: src, Target: tgt, By: by}
	out.Buckets, out.Events, out.Undated = series(counts, by)
	if out.Buckets == nil {
		out.Buckets = []Bucket{}
	}
	writeJSON(w, http.StatusOK, out)
}

// network serves the actor network of the events passing the filters.
func (s *Server) network(w http.ResponseWriter, r *http.Request) {
	f, err := filter(r.URL.Query(), true)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	counts, err := s.cfg.Store.EventCounts(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, network(counts))
}

// outlets serves the outlets of the articles passing the filters.
func (s *Server) outlets(w http.ResponseWriter, r *http.Request) {
	f, err := filter(r.URL.Query(), false)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	f.Limit = 0
	arts, err := s.cfg.Store.Articles(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, outlets(arts))
}

var errNoStories = errors.New("stories: no story clustering is configured on this server")

func (s *Server) stories(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Stories == nil {
		writeError(w, http.StatusNotImplemented, errNoStories)
		return
	}
	f, err := filter(r.URL.Query(), false)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	v, err := s.cfg.Stories.Stories(r.Context(), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

func (s *Server) comparison(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Stories == nil {
		writeError(w, http.StatusNotImplemented, errNoStories)
		return
	}
	f, err := filter(r.URL.Query(), false)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	st, c, err := s.cfg.Stories.Story(r.Context(), r.PathValue("id"), f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, storyComparison{st, c})
}

// storyComparison is a story with the comparison of its outlets.
type storyComparison struct {
	Story      dyad.Story      `json:"story"`
	Comparison dyad.Comparison `json:"comparison"`
}
