package postgres

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"dyad"
	"dyad/internal/sqlcols"

	"github.com/jackc/pgx/v5"
)

// where collects the conditions and arguments of a WHERE clause.
type where struct {
	conds []string
	args  []any
}

// arg adds an argument and returns its placeholder.
func (w *where) arg(v any) string {
	w.args = append(w.args, v)
	return fmt.Sprintf("$%d", len(w.args))
}

// actor adds "one of cols equals f.Actor" unless f.Actor is empty.
func (w *where) actor(f dyad.Filter, cols ...string) {
	if f.Actor != "" {
		w.conds = append(w.conds, w.actorMatch(f.Actor, cols...))
	}
}

// actorMatch returns the condition "one of cols equals actor, ignoring
// case".
func (w *where) actorMatch(actor string, cols ...string) string {
	p := "lower(" + w.arg(actor) + ")"
	terms := make([]string, len(cols))
	for i, c := range cols {
		terms[i] = "lower(" + c + ") = " + p
	}
	return "(" + strings.Join(terms, " OR ") + ")"
}

// sql returns the clause (empty without conditions) followed by tail
// (GROUP BY, ORDER BY) and the filter's limit.
func (w *where) sql(tail string, f dyad.Filter) string {
	var b strings.Builder
	if len(w.conds) > 0 {
		b.WriteString(" WHERE ")
		b.WriteString(strings.Join(w.conds, " AND "))
	}
	b.WriteString(" ")
	b.WriteString(tail)
	if f.Limit > 0 {
		b.WriteString(" LIMIT " + w.arg(f.Limit))
	}
	return b.String()
}

// articleOrder is the order of articles, and of records by their article:
// newest first, undated last.
const articleOrder = "ORDER BY a.published DESC NULLS LAST, a.id DESC"

// articleWhere starts a WHERE clause with the filter's article
// conditions (outlet, full-text query, date range) on the articles table
// aliased "a". A malformed full-text query is reported as SQLite reports
// it: `invalid query "<query>": <reason>`.
func articleWhere(f dyad.Filter) (*where, error) {
	w := &where{}
	if f.Outlet != "" {
		w.conds = append(w.conds, "lower(a.outlet) = lower("+w.arg(f.Outlet)+")")
	}
	if f.Query != "" {
		n, err := parseQuery(f.Query)
		if err != nil {
			return nil, fmt.Errorf("%w %q: %w", dyad.ErrInvalidQuery, f.Query, err)
		}
		w.conds = append(w.conds, n.sql(w.arg))
	}
	if !f.Since.IsZero() {
		w.conds = append(w.conds, "a.published >= "+w.arg(boundTime(f.Since)))
	}
	if !f.Until.IsZero() {
		w.conds = append(w.conds, "a.published < "+w.arg(boundTime(f.Until)))
	}
	return w, nil
}

// collect runs a read query and scans each row with scan.
func collect[T any](ctx context.Context, s *Store, query string, args []any, scan func(pgx.Rows, *T) error) ([]T, error) {
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := scan(rows, &v); err != nil {
			return nil, fmt.Errorf("postgres: %w", err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return out, nil
}

// sourceCols selects a record's dyad.Source from the articles table "a";
// sourceDest scans them. Every record query starts with these columns.
const sourceCols = "a.id, a.url, a.outlet, a.title, a.published"

func sourceDest(s *dyad.Source, more ...any) []any {
	return append([]any{&s.ArticleID, &s.URL, &s.Outlet, &s.Title, timeDest{&s.Published}}, more...)
}

// Has reports whether the article is stored.
func (s *Store) Has(ctx context.Context, articleID string) (bool, error) {
	var ok bool
	err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE id = $1)`, articleID).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("postgres: %w", err)
	}
	return ok, nil
}

// Articles returns the articles that pass f, newest first. Actor selects
// articles that name a matching actor.
func (s *Store) Articles(ctx context.Context, f dyad.Filter) ([]dyad.Article, error) {
	w, err := articleWhere(f)
	if err != nil {
		return nil, err
	}
	articleActor(w, f)
	q := `SELECT a.id, a.url, a.outlet, a.title, a.byline, a.published, a.lang, a.text
		FROM articles a` + w.sql(articleOrder, f)
	return collect(ctx, s, q, w.args, func(r pgx.Rows, a *dyad.Article) error {
		return r.Scan(&a.ID, &a.URL, &a.Outlet, &a.Title, &a.Byline, timeDest{&a.Published}, &a.Lang, &a.Text)
	})
}

// articleActor adds "the article names an actor matching f.Actor" unless
// f.Actor is empty.
func articleActor(w *where, f dyad.Filter) {
	if f.Actor != "" {
		c := w.actorMatch(f.Actor, "ac.id", "ac.code", "ac.country", "ac.name")
		w.conds = append(w.conds, `EXISTS (SELECT 1 FROM article_actors aa JOIN actors ac ON ac.id = aa.actor_id
			WHERE aa.article_id = a.id AND `+c+")")
	}
}

// Actors returns the matching actors with the number of articles passing
// f that name them and their mentions in those articles, most frequent
// first.
func (s *Store) Actors(ctx context.Context, f dyad.Filter) ([]dyad.ActorSummary, error) {
	w, err := articleWhere(f)
	if err != nil {
		return nil, err
	}
	cols := `SELECT ac.id, ac.name, ac.code, ac.country, ac.sector, ac.kind, ac.role, ac.first_seen, ac.last_seen`
	var q string
	if len(w.conds) == 0 {
		// Without article conditions the counts kept at Put answer, the
		// most frequent first from the index actors_frequent.
		w.conds = append(w.conds, "ac.articles > 0")
		w.actor(f, "ac.id", "ac.code", "ac.country", "ac.name")
		q = cols + `, ac.articles, ac.mentions FROM actors ac` +
			w.sql("ORDER BY ac.articles DESC, ac.mentions DESC, ac.id", f)
	} else {
		w.actor(f, "ac.id", "ac.code", "ac.country", "ac.name")
		q = cols + `, count(*) AS articles, sum(aa.mentions) AS mentions
			FROM actors ac JOIN article_actors aa ON aa.actor_id = ac.id JOIN articles a ON a.id = aa.article_id` +
			w.sql("GROUP BY ac.id ORDER BY articles DESC, mentions DESC, ac.id", f)
	}
	return collect(ctx, s, q, w.args, func(r pgx.Rows, a *dyad.ActorSummary) error {
		return r.Scan(&a.ID, &a.Name, &a.Code, &a.Country, &a.Sector, &a.Kind, &a.Role,
			timeDest{&a.FirstSeen}, timeDest{&a.LastSeen}, &a.Articles, &a.Mentions)
	})
}

// Quotes returns the quotes of articles passing f, in article order.
// Actor matches the speaker as stored (name, code, actor ID) and the
// speaker's actor (code, country, name).
func (s *Store) Quotes(ctx context.Context, f dyad.Filter) ([]dyad.QuoteRecord, error) {
	w, err := articleWhere(f)
	if err != nil {
		return nil, err
	}
	w.actor(f, "q.speaker_actor", "q.speaker_code", "q.speaker_name", "ac.code", "ac.country", "ac.name")
	q := `SELECT ` + sourceCols + `, ` + sqlcols.Quote + `
		FROM quotes q
		JOIN articles a ON a.id = q.article_id
		LEFT JOIN actors ac ON ac.id = q.speaker_actor` + w.sql(articleOrder+", q.seq", f)
	return collect(ctx, s, q, w.args, func(r pgx.Rows, q *dyad.QuoteRecord) error {
		return r.Scan(sourceDest(&q.Source, sqlcols.QuoteDest(&q.Quote)...)...)
	})
}

// Figures returns the figures of articles passing f, in article order.
// Actor matches one of the figure's actor codes or the country of such a
// code.
func (s *Store) Figures(ctx context.Context, f dyad.Filter) ([]dyad.FigureRecord, error) {
	w, err := articleWhere(f)
	if err != nil {
		return nil, err
	}
	if f.Actor != "" {
		c := w.actorMatch(f.Actor, "fa.code", "fa.country")
		w.conds = append(w.conds, `EXISTS (SELECT 1 FROM figure_actors fa
			WHERE fa.article_id = fg.article_id AND fa.figure_seq = fg.seq AND `+c+")")
	}
	q := `SELECT ` + sourceCols + `, ` + figureCols + `
		FROM figures fg
		JOIN articles a ON a.id = fg.article_id` + w.sql(articleOrder+", fg.seq", f)
	return collect(ctx, s, q, w.args, func(r pgx.Rows, fr *dyad.FigureRecord) error {
		return r.Scan(sourceDest(&fr.Source, figureDest(&fr.Figure)...)...)
	})
}

// figureCols selects a dyad.Figure from the figures table "fg", its actor
// codes as an array; figureDest scans them.
const figureCols = `fg.span_start, fg.span_end, fg.text, fg.value, fg.unit,
	fg.qualifier, fg.quantity, fg.period,
	ARRAY(SELECT fa.code FROM figure_actors fa
		WHERE fa.article_id = fg.article_id AND fa.figure_seq = fg.seq ORDER BY fa.pos)`

func figureDest(f *dyad.Figure) []any {
	return []any{&f.Start, &f.End, &f.Text, &f.Value, &f.Unit, &f.Qualifier, &f.Quantity, &f.Period, &f.Actors}
}

// The columns that name an event's source and target.
var (
	eventSource = []string{"e.source_actor", "e.source_code", "e.source_country", "e.source_name"}
	eventTarget = []string{"e.target_actor", "e.target_code", "e.target_country", "e.target_name"}
)

// dyadMatch returns the condition "src matches one of srcCols and tgt one
// of tgtCols"; an empty side matches anything.
func (w *where) dyadMatch(src, tgt string, srcCols, tgtCols []string) string {
	var conds []string
	if src != "" {
		conds = append(conds, w.actorMatch(src, srcCols...))
	}
	if tgt != "" {
		conds = append(conds, w.actorMatch(tgt, tgtCols...))
	}
	return "(" + strings.Join(conds, " AND ") + ")"
}

// Events returns the events of articles passing f, in article order.
// Actor matches the source or the target (actor ID, code, country, name);
// Source and Target match one side each, CAMEO a code prefix, Quad the
// QuadClass.
func (s *Store) Events(ctx context.Context, f dyad.Filter) ([]dyad.EventRecord, error) {
	w, err := eventWhere(f)
	if err != nil {
		return nil, err
	}
	q := `SELECT ` + sourceCols + `, ` + sqlcols.Event + `
		FROM events e
		JOIN articles a ON a.id = e.article_id` + w.sql(articleOrder+", e.seq", f)
	return collect(ctx, s, q, w.args, func(r pgx.Rows, e *dyad.EventRecord) error {
		return r.Scan(sourceDest(&e.Source, sqlcols.EventDest(&e.Event)...)...)
	})
}

// EventCounts counts the events Events would return by day, pair of codes
// and QuadClass. The day is the event's date when it names one, else its
// article's publication date (in UTC), else "".
func (s *Store) EventCounts(ctx context.Context, f dyad.Filter) ([]dyad.EventCount, error) {
	return sqlcols.CountEvents(f,
		func(f dyad.Filter) ([]dyad.EventCount, error) { return s.countedEvents(ctx, f) },
		func(f dyad.Filter) ([]dyad.EventCount, error) { return s.rawEventCounts(ctx, f) })
}

// rawEventCounts is EventCounts from the events.
func (s *Store) rawEventCounts(ctx context.Context, f dyad.Filter) ([]dyad.EventCount, error) {
	w, err := eventWhere(f)
	if err != nil {
		return nil, err
	}
	return s.eventCounts(ctx, `SELECT CASE WHEN e.date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}' THEN left(e.date, 10)
				ELSE coalesce(to_char(a.published AT TIME ZONE 'UTC', 'YYYY-MM-DD'), '') END AS day,
			e.source_code, max(e.source_name), e.target_code, max(e.target_name), e.quad,
			count(*), sum(e.goldstein)
		FROM events e
		JOIN articles a ON a.id = e.article_id`, w)
}

// countedEvents is EventCounts from the table event_counts, whose columns
// are named as those of events, for a filter of whole hours.
func (s *Store) countedEvents(ctx context.Context, f dyad.Filter) ([]dyad.EventCount, error) {
	w := &where{}
	if !f.Since.IsZero() {
		w.conds = append(w.conds, "e.published >= "+w.arg(f.Since.UTC().Format(sqlcols.HourFormat)))
	}
	if !f.Until.IsZero() {
		w.conds = append(w.conds, "e.published <> '' AND e.published < "+w.arg(f.Until.UTC().Format(sqlcols.HourFormat)))
	}
	eventConds(w, f)
	return s.eventCounts(ctx, `SELECT e.day, e.source_code, max(e.source_name), e.target_code, max(e.target_name), e.quad,
			sum(e.events)::int, sum(e.goldstein)
		FROM event_counts e`, w)
}

// eventCounts runs the query sel, grouped by day, pair and QuadClass,
// with the conditions w.
func (s *Store) eventCounts(ctx context.Context, sel string, w *where) ([]dyad.EventCount, error) {
	q := sel + w.sql(`GROUP BY day, e.source_code, e.target_code, e.quad
			ORDER BY day, e.source_code COLLATE "C", e.target_code COLLATE "C", e.quad`, dyad.Filter{})
	return collect(ctx, s, q, w.args, func(r pgx.Rows, c *dyad.EventCount) error {
		return r.Scan(&c.Day, &c.Source.Code, &c.Source.Name, &c.Target.Code, &c.Target.Name, &c.Quad, &c.Events, &c.Goldstein)
	})
}

// eventWhere is the WHERE clause of the events that f selects.
func eventWhere(f dyad.Filter) (*where, error) {
	w, err := articleWhere(f)
	if err != nil {
		return nil, err
	}
	eventConds(w, f)
	return w, nil
}

// eventConds adds the conditions of f on the event columns of "e": actor,
// source and target, CAMEO and QuadClass.
func eventConds(w *where, f dyad.Filter) {
	w.actor(f, slices.Concat(eventSource, eventTarget)...)
	if f.Source != "" || f.Target != "" {
		c := w.dyadMatch(f.Source, f.Target, eventSource, eventTarget)
		if f.Undirected {
			c = "(" + c + " OR " + w.dyadMatch(f.Source, f.Target, eventTarget, eventSource) + ")"
		}
		w.conds = append(w.conds, c)
	}
	if f.CAMEO != "" {
		w.conds = append(w.conds, "starts_with(e.cameo, "+w.arg(f.CAMEO)+")")
	}
	if f.Quad != 0 {
		w.conds = append(w.conds, "e.quad = "+w.arg(f.Quad))
	}
}

// Counts returns the number of stored records of each kind.
func (s *Store) Counts(ctx context.Context) (dyad.Counts, error) {
	var c dyad.Counts
	err := s.pool.QueryRow(ctx, sqlcols.Counts).Scan(sqlcols.CountsDest(&c)...)
	if err != nil {
		return c, fmt.Errorf("postgres: %w", err)
	}
	return c, nil
}
