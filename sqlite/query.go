package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"dyad"
	"dyad/internal/sqlcols"

	driver "modernc.org/sqlite" // also registers the "sqlite" database/sql driver
	sqlite3 "modernc.org/sqlite/lib"
)

// where collects the conditions and arguments of a WHERE clause.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// actor adds "one of cols equals f.Actor" unless f.Actor is empty.
func (w *where) actor(f dyad.Filter, cols ...string) {
	if f.Actor != "" {
		c, args := actorMatch(f.Actor, cols...)
		w.add(c, args...)
	}
}

// actorMatch returns the condition "one of cols equals actor, ignoring
// case" and its arguments.
func actorMatch(actor string, cols ...string) (string, []any) {
	terms := make([]string, len(cols))
	args := make([]any, len(cols))
	for i, c := range cols {
		terms[i] = c + " = ? COLLATE NOCASE"
		args[i] = actor
	}
	return "(" + strings.Join(terms, " OR ") + ")", args
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
		b.WriteString(" LIMIT ?")
		w.args = append(w.args, f.Limit)
	}
	return b.String()
}

// articleOrder is the order of articles, and of records by their article:
// newest first, undated last. It is the order of the index
// articles_published read backwards, so that a query with a limit reads
// only the articles it returns: record queries put the articles first
// ("articles a CROSS JOIN", which SQLite never reorders) to walk that
// index instead of sorting every matching record.
const articleOrder = "ORDER BY a.published DESC NULLS LAST, a.id DESC"

// articleWhere starts a WHERE clause with the filter's article
// conditions (outlet, full-text query, date range) on the articles table
// aliased "a". It checks the full-text query first, so that a malformed
// one is reported as such.
func (s *Store) articleWhere(ctx context.Context, f dyad.Filter) (*where, error) {
	w := &where{}
	if f.Outlet != "" {
		w.add("a.outlet = ? COLLATE NOCASE", f.Outlet)
	}
	if f.Query != "" {
		common, err := s.checkQuery(ctx, f.Query)
		if err != nil {
			return nil, err
		}
		if common {
			// Walking the articles in order and asking the index about
			// each finds a page of a common term's articles without
			// listing all of them first.
			w.add("EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? AND rowid = a.n)", f.Query)
		} else {
			w.add("a.n IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", f.Query)
		}
	}
	if !f.Since.IsZero() {
		w.add("a.published >= ?", boundTime(f.Since))
	}
	if !f.Until.IsZero() {
		w.add("a.published < ?", boundTime(f.Until))
	}
	return w, nil
}

// checkQuery runs the full-text query alone, up to s.common matches, and
// reports whether it matches that many: in this statement any SQL
// error can only come from the query's syntax.
func (s *Store) checkQuery(ctx context.Context, q string) (common bool, err error) {
	var n int
	err = s.r.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)`,
		q, s.common).Scan(&n)
	if err == nil {
		return n == s.common, nil
	}
	var se *driver.Error
	if !errors.As(err, &se) || se.Code() != 1 { // SQLITE_ERROR; others are not the query's fault
		return false, fmt.Errorf("sqlite: %w", err)
	}
	// The driver's message reads "SQL logic error: <reason> (1)".
	reason := strings.TrimSuffix(strings.TrimPrefix(se.Error(), "SQL logic error: "), " (1)")
	return false, fmt.Errorf("%w %q: %s", dyad.ErrInvalidQuery, q, strings.Join(strings.Fields(reason), " "))
}

// collect runs a read query and scans each row with scan.
func collect[T any](ctx context.Context, s *Store, query string, args []any, scan func(*sql.Rows, *T) error) ([]T, error) {
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := scan(rows, &v); err != nil {
			return nil, fmt.Errorf("sqlite: %w", err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
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
	err := s.r.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?)`, articleID).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("sqlite: %w", err)
	}
	return ok, nil
}

// Articles returns the articles that pass f, newest first. Actor selects
// articles that name a matching actor.
func (s *Store) Articles(ctx context.Context, f dyad.Filter) ([]dyad.Article, error) {
	w, err := s.articleWhere(ctx, f)
	if err != nil {
		return nil, err
	}
	articleActor(w, f)
	q := `SELECT a.id, a.url, a.outlet, a.title, a.byline, a.published, a.lang, a.text
		FROM articles a` + w.sql(articleOrder, f)
	return collect(ctx, s, q, w.args, func(r *sql.Rows, a *dyad.Article) error {
		return r.Scan(&a.ID, &a.URL, &a.Outlet, &a.Title, &a.Byline, timeDest{&a.Published}, &a.Lang, &a.Text)
	})
}

// articleActor adds "the article names an actor matching f.Actor" unless
// f.Actor is empty.
func articleActor(w *where, f dyad.Filter) {
	if f.Actor != "" {
		c, args := actorMatch(f.Actor, "ac.id", "ac.code", "ac.country", "ac.name")
		w.add(`EXISTS (SELECT 1 FROM article_actors aa JOIN actors ac ON ac.id = aa.actor_id
			WHERE aa.article_id = a.id AND `+c+")", args...)
	}
}

// Actors returns the matching actors with the number of articles passing
// f that name them and their mentions in those articles, most frequent
// first.
func (s *Store) Actors(ctx context.Context, f dyad.Filter) ([]dyad.ActorSummary, error) {
	w, err := s.articleWhere(ctx, f)
	if err != nil {
		return nil, err
	}
	cols := `SELECT ac.id, ac.name, ac.code, ac.country, ac.sector, ac.kind, ac.role, ac.first_seen, ac.last_seen`
	var q string
	if len(w.conds) == 0 {
		// Without article conditions the counts kept at Put answer, the
		// most frequent first from the index actors_frequent.
		w.add("ac.articles > 0")
		w.actor(f, "ac.id", "ac.code", "ac.country", "ac.name")
		q = cols + `, ac.articles, ac.mentions FROM actors ac` +
			w.sql("ORDER BY ac.articles DESC, ac.mentions DESC, ac.id", f)
	} else {
		w.actor(f, "ac.id", "ac.code", "ac.country", "ac.name")
		q = cols + `, count(*) AS articles, sum(aa.mentions) AS mentions
			FROM actors ac JOIN article_actors aa ON aa.actor_id = ac.id JOIN articles a ON a.id = aa.article_id` +
			w.sql("GROUP BY ac.id ORDER BY articles DESC, mentions DESC, ac.id", f)
	}
	return collect(ctx, s, q, w.args, func(r *sql.Rows, a *dyad.ActorSummary) error {
		return r.Scan(&a.ID, &a.Name, &a.Code, &a.Country, &a.Sector, &a.Kind, &a.Role,
			timeDest{&a.FirstSeen}, timeDest{&a.LastSeen}, &a.Articles, &a.Mentions)
	})
}

// Quotes returns the quotes of articles passing f, in article order.
// Actor matches the speaker as stored (name, code, actor ID) and the
// speaker's actor (code, country, name).
func (s *Store) Quotes(ctx context.Context, f dyad.Filter) ([]dyad.QuoteRecord, error) {
	w, err := s.articleWhere(ctx, f)
	if err != nil {
		return nil, err
	}
	w.actor(f, "q.speaker_actor", "q.speaker_code", "q.speaker_name", "ac.code", "ac.country", "ac.name")
	q := `SELECT ` + sourceCols + `, ` + sqlcols.Quote + `
		FROM articles a
		CROSS JOIN quotes q ON q.article_id = a.id
		LEFT JOIN actors ac ON ac.id = q.speaker_actor` + w.sql(articleOrder+", q.seq", f)
	return collect(ctx, s, q, w.args, func(r *sql.Rows, q *dyad.QuoteRecord) error {
		return r.Scan(sourceDest(&q.Source, sqlcols.QuoteDest(&q.Quote)...)...)
	})
}

// Figures returns the figures of articles passing f, in article order.
// Actor matches one of the figure's actor codes or the country of such a
// code.
func (s *Store) Figures(ctx context.Context, f dyad.Filter) ([]dyad.FigureRecord, error) {
	w, err := s.articleWhere(ctx, f)
	if err != nil {
		return nil, err
	}
	if f.Actor != "" {
		c, args := actorMatch(f.Actor, "fa.code", "fa.country")
		w.add(`EXISTS (SELECT 1 FROM figure_actors fa
			WHERE fa.article_id = fg.article_id AND fa.figure_seq = fg.seq AND `+c+")", args...)
	}
	q := `SELECT ` + sourceCols + `, ` + figureCols + `
		FROM articles a
		CROSS JOIN figures fg ON fg.article_id = a.id` + w.sql(articleOrder+", fg.seq", f)
	return collect(ctx, s, q, w.args, func(r *sql.Rows, fr *dyad.FigureRecord) error {
		var actors string
		if err := r.Scan(sourceDest(&fr.Source, figureDest(&fr.Figure, &actors)...)...); err != nil {
			return err
		}
		return figureActors(&fr.Figure, actors)
	})
}

// figureCols select a dyad.Figure from the figures table "fg", its actors
// as a JSON array; figureDest scans them, figureActors decodes the actors.
const figureCols = `fg.span_start, fg.span_end, fg.text, fg.value, fg.unit,
	fg.qualifier, fg.quantity, fg.period,
	(SELECT json_group_array(fa.code ORDER BY fa.pos) FROM figure_actors fa
		WHERE fa.article_id = fg.article_id AND fa.figure_seq = fg.seq)`

func figureDest(f *dyad.Figure, actors *string) []any {
	return []any{&f.Start, &f.End, &f.Text, &f.Value, &f.Unit, &f.Qualifier, &f.Quantity, &f.Period, actors}
}

func figureActors(f *dyad.Figure, actors string) error {
	if actors == "[]" {
		return nil
	}
	return json.Unmarshal([]byte(actors), &f.Actors)
}

// The columns that name an event's source and target.
var (
	eventSource = []string{"e.source_actor", "e.source_code", "e.source_country", "e.source_name"}
	eventTarget = []string{"e.target_actor", "e.target_code", "e.target_country", "e.target_name"}
)

// dyadMatch returns the condition "src matches one of srcCols and tgt one
// of tgtCols"; an empty side matches anything.
func dyadMatch(src, tgt string, srcCols, tgtCols []string) (string, []any) {
	var conds []string
	var args []any
	for _, side := range []struct {
		actor string
		cols  []string
	}{{src, srcCols}, {tgt, tgtCols}} {
		if side.actor != "" {
			c, a := actorMatch(side.actor, side.cols...)
			conds, args = append(conds, c), append(args, a...)
		}
	}
	return "(" + strings.Join(conds, " AND ") + ")", args
}

// Events returns the events of articles passing f, in article order.
// Actor matches the source or the target (actor ID, code, country, name);
// Source and Target match one side each, CAMEO a code prefix, Quad the
// QuadClass.
func (s *Store) Events(ctx context.Context, f dyad.Filter) ([]dyad.EventRecord, error) {
	w, err := s.eventWhere(ctx, f)
	if err != nil {
		return nil, err
	}
	q := `SELECT ` + sourceCols + `, ` + sqlcols.Event + `
		FROM articles a
		CROSS JOIN events e ON e.article_id = a.id` + w.sql(articleOrder+", e.seq", f)
	return collect(ctx, s, q, w.args, func(r *sql.Rows, e *dyad.EventRecord) error {
		return r.Scan(sourceDest(&e.Source, sqlcols.EventDest(&e.Event)...)...)
	})
}

// EventCounts counts the events Events would return by day, pair of codes
// and QuadClass. The day is the event's date when it names one, else its
// article's publication date, else "".
func (s *Store) EventCounts(ctx context.Context, f dyad.Filter) ([]dyad.EventCount, error) {
	return sqlcols.CountEvents(f,
		func(f dyad.Filter) ([]dyad.EventCount, error) { return s.countedEvents(ctx, f) },
		func(f dyad.Filter) ([]dyad.EventCount, error) { return s.rawEventCounts(ctx, f) })
}

// rawEventCounts is EventCounts from the events.
func (s *Store) rawEventCounts(ctx context.Context, f dyad.Filter) ([]dyad.EventCount, error) {
	w, err := s.eventWhere(ctx, f)
	if err != nil {
		return nil, err
	}
	return s.eventCounts(ctx, `SELECT CASE WHEN e.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(e.date, 1, 10)
				ELSE coalesce(substr(a.published, 1, 10), '') END AS day,
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
		w.add("e.published >= ?", f.Since.UTC().Format(sqlcols.HourFormat))
	}
	if !f.Until.IsZero() {
		w.add("e.published <> '' AND e.published < ?", f.Until.UTC().Format(sqlcols.HourFormat))
	}
	eventConds(w, f)
	return s.eventCounts(ctx, `SELECT e.day, e.source_code, max(e.source_name), e.target_code, max(e.target_name), e.quad,
			sum(e.events), sum(e.goldstein)
		FROM event_counts e`, w)
}

// eventCounts runs the query sel, grouped by day, pair and QuadClass,
// with the conditions w.
func (s *Store) eventCounts(ctx context.Context, sel string, w *where) ([]dyad.EventCount, error) {
	q := sel + w.sql("GROUP BY day, e.source_code, e.target_code, e.quad ORDER BY day, e.source_code, e.target_code, e.quad", dyad.Filter{})
	return collect(ctx, s, q, w.args, func(r *sql.Rows, c *dyad.EventCount) error {
		return r.Scan(&c.Day, &c.Source.Code, &c.Source.Name, &c.Target.Code, &c.Target.Name, &c.Quad, &c.Events, &c.Goldstein)
	})
}

// eventWhere is the WHERE clause of the events that f selects.
func (s *Store) eventWhere(ctx context.Context, f dyad.Filter) (*where, error) {
	w, err := s.articleWhere(ctx, f)
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
		c, args := dyadMatch(f.Source, f.Target, eventSource, eventTarget)
		if f.Undirected {
			rc, rargs := dyadMatch(f.Source, f.Target, eventTarget, eventSource)
			c, args = "("+c+" OR "+rc+")", append(args, rargs...)
		}
		w.add(c, args...)
	}
	if f.CAMEO != "" {
		w.add("substr(e.cameo, 1, ?) = ?", len(f.CAMEO), f.CAMEO)
	}
	if f.Quad != 0 {
		w.add("e.quad = ?", f.Quad)
	}
}

// Counts returns the number of stored records of each kind.
func (s *Store) Counts(ctx context.Context) (dyad.Counts, error) {
	var c dyad.Counts
	err := s.r.QueryRowContext(ctx, sqlcols.Counts).Scan(sqlcols.CountsDest(&c)...)
	if err != nil {
		return c, fmt.Errorf("sqlite: %w", err)
	}
	return c, nil
}

// Retryable reports whether a store error may pass if the same write is
// tried again: the database file locked by another process for longer
// than the store waits.
func Retryable(err error) bool {
	var se *driver.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff { // the primary code of an extended one
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return true
		}
	}
	return false
}
