package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"dyad"
)

var _ dyad.Store = (*Store)(nil)

// The statements of Put. They are prepared once on the write connection:
// parsing them anew in every Put took a quarter of its time.
const (
	sqlArticle = `
		INSERT INTO articles (id, url, outlet, title, byline, published, lang, text,
			themes, tone, tone_positive, tone_negative, tone_words, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO NOTHING`

	// An actor is seen at the article's publication date; an undated
	// article leaves first_seen and last_seen as they are. A field already
	// known is kept; an empty one is filled by what this article says.
	sqlActor = `
		INSERT INTO actors (id, name, code, country, sector, kind, role, first_seen, last_seen)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET
			name = coalesce(nullif(actors.name, ''), excluded.name),
			code = coalesce(nullif(actors.code, ''), excluded.code),
			country = coalesce(nullif(actors.country, ''), excluded.country),
			sector = coalesce(nullif(actors.sector, ''), excluded.sector),
			kind = coalesce(nullif(actors.kind, ''), excluded.kind),
			role = coalesce(nullif(actors.role, ''), excluded.role),
			first_seen = min(coalesce(actors.first_seen, excluded.first_seen), coalesce(excluded.first_seen, actors.first_seen)),
			last_seen = max(coalesce(actors.last_seen, excluded.last_seen), coalesce(excluded.last_seen, actors.last_seen))`

	// An actor listed twice in one analysis is linked once.
	sqlArticleActor = `
		INSERT INTO article_actors (article_id, actor_id, mentions, sentences, tone, seq)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (article_id, actor_id) DO NOTHING`

	sqlMention = `
		INSERT INTO mentions (article_id, seq, span_start, span_end, text, type, actor_id, role)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`

	sqlQuote = `
		INSERT INTO quotes (article_id, seq, span_start, span_end, text, direct, cue,
			speaker_name, speaker_code, speaker_actor, speaker_start, speaker_end)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

	sqlFigure = `
		INSERT INTO figures (article_id, seq, span_start, span_end, text, value, unit, qualifier, quantity, period)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

	sqlFigureActor = `
		INSERT INTO figure_actors (article_id, figure_seq, pos, code, country) VALUES (?, ?, ?, ?, ?)`

	sqlCodeCountry = `
		SELECT country FROM actors WHERE code = ? AND country <> '' ORDER BY id LIMIT 1`

	sqlDate = `
		INSERT INTO dates (article_id, seq, span_start, span_end, text, value) VALUES (?, ?, ?, ?, ?, ?)`

	// An event reported twice in one article is stored once, at the place
	// of the first, counting both.
	sqlEvent = `
		INSERT INTO events (article_id, key, seq, date,
			source_name, source_code, source_country, source_sector, source_actor,
			target_name, target_code, target_country, target_sector, target_actor,
			cameo, root, quad, goldstein, plover_type, plover_mode, plover_context,
			location, span_start, span_end, evidence, confidence, coder, dict, mentions)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (article_id, key) DO UPDATE SET mentions = events.mentions + excluded.mentions`
)

// writeStmts are the statements of Put, prepared on the write pool.
type writeStmts struct {
	article, actor, articleActor, mention, quote, figure, figureActor, codeCountry, date, event *sql.Stmt
}

func prepareWrites(ctx context.Context, db *sql.DB) (*writeStmts, error) {
	w := &writeStmts{}
	for _, p := range []struct {
		st  **sql.Stmt
		sql string
	}{
		{&w.article, sqlArticle}, {&w.actor, sqlActor}, {&w.articleActor, sqlArticleActor},
		{&w.mention, sqlMention}, {&w.quote, sqlQuote}, {&w.figure, sqlFigure},
		{&w.figureActor, sqlFigureActor}, {&w.codeCountry, sqlCodeCountry}, {&w.date, sqlDate},
		{&w.event, sqlEvent},
	} {
		st, err := db.PrepareContext(ctx, p.sql)
		if err != nil {
			w.close()
			return nil, err
		}
		*p.st = st
	}
	return w, nil
}

func (w *writeStmts) close() error {
	var errs []error
	for _, st := range []*sql.Stmt{w.article, w.actor, w.articleActor, w.mention, w.quote,
		w.figure, w.figureActor, w.codeCountry, w.date, w.event} {
		if st != nil {
			errs = append(errs, st.Close())
		}
	}
	return errors.Join(errs...)
}

// Put stores an analysis in one transaction. If the article is already
// stored it changes nothing and returns false.
func (s *Store) Put(ctx context.Context, a *dyad.Analysis) (created bool, err error) {
	if a == nil {
		return false, errors.New("sqlite: put: nil analysis")
	}
	if a.Article.ID == "" {
		return false, errors.New("sqlite: put: article has no id")
	}
	defer func() {
		if err != nil {
			err = fmt.Errorf("sqlite: put %s: %w", a.Article.ID, err)
		}
	}()
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback() // no-op after Commit
	p := &putTx{ctx: ctx, tx: tx, st: s.ws, a: a}
	created, err = p.article()
	if err != nil || !created {
		return false, err
	}
	if err := p.actors(); err != nil {
		return false, err
	}
	if err := p.items(); err != nil {
		return false, err
	}
	if err := tx.Commit(); err != nil {
		return false, err
	}
	return true, nil
}

// putTx is one Put's transaction.
type putTx struct {
	ctx context.Context
	tx  *sql.Tx
	st  *writeStmts
	a   *dyad.Analysis
}

// stmt returns st bound to the transaction; database/sql reuses the
// statement already prepared on the one write connection.
func (p *putTx) stmt(st *sql.Stmt) *sql.Stmt {
	return p.tx.StmtContext(p.ctx, st)
}

// article inserts the article row and reports whether it was new. The
// conflict check and the insert are one statement, so two stores on the
// same file cannot both create the article.
func (p *putTx) article() (bool, error) {
	themes := []byte("[]")
	if len(p.a.Themes) > 0 {
		var err error
		if themes, err = json.Marshal(p.a.Themes); err != nil {
			return false, err
		}
	}
	art, tone := p.a.Article, p.a.Tone
	res, err := p.stmt(p.st.article).ExecContext(p.ctx,
		art.ID, art.URL, art.Outlet, art.Title, art.Byline, formatTime(art.Published), art.Lang, art.Text,
		string(themes), tone.Score, tone.Positive, tone.Negative, tone.Words, formatTime(time.Now()))
	if err != nil {
		return false, fmt.Errorf("article: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// actors upserts the analysis's actors and links them to the article with
// their mention counts and tones.
func (p *putTx) actors() error {
	mentions := map[string]int{}
	for _, m := range p.a.Mentions {
		if m.Actor != "" {
			mentions[m.Actor]++
		}
	}
	tones := map[string]dyad.ActorTone{}
	for _, t := range p.a.Tones {
		tones[t.Actor] = t
	}
	upsert, link := p.stmt(p.st.actor), p.stmt(p.st.articleActor)
	seen := formatTime(p.a.Article.Published)
	for i, ac := range p.a.Actors {
		if _, err := upsert.ExecContext(p.ctx, ac.ID, ac.Name, ac.Code, ac.Country, ac.Sector, ac.Kind, ac.Role, seen, seen); err != nil {
			return fmt.Errorf("actor %d %q: %w", i, ac.ID, err)
		}
		var tone any // NULL unless the analysis has the actor's tone
		t, ok := tones[ac.ID]
		if ok {
			tone = t.Score
		}
		if _, err := link.ExecContext(p.ctx, p.a.Article.ID, ac.ID, mentions[ac.ID], t.Sentences, tone, i); err != nil {
			return fmt.Errorf("actor %d %q: %w", i, ac.ID, err)
		}
	}
	return nil
}

// items inserts mentions, quotes, figures, dates and events, each numbered
// by its place in the analysis so that queries return them in article
// order.
func (p *putTx) items() error {
	id := p.a.Article.ID
	err := insertEach(p, p.st.mention, "mention", p.a.Mentions, func(i int, m dyad.Mention) []any {
		return []any{id, i, m.Start, m.End, m.Text, m.Type, m.Actor, m.Role}
	})
	if err != nil {
		return err
	}
	err = insertEach(p, p.st.quote, "quote", p.a.Quotes, func(i int, q dyad.Quote) []any {
		sp := q.Speaker
		return []any{id, i, q.Start, q.End, q.Text, q.Direct, q.Cue, sp.Name, sp.Code, sp.Actor, sp.Start, sp.End}
	})
	if err != nil {
		return err
	}
	err = insertEach(p, p.st.figure, "figure", p.a.Figures, func(i int, f dyad.Figure) []any {
		return []any{id, i, f.Start, f.End, f.Text, f.Value, f.Unit, f.Qualifier, f.Quantity, f.Period}
	})
	if err != nil {
		return err
	}
	if err := p.figureActors(); err != nil {
		return err
	}
	err = insertEach(p, p.st.date, "date", p.a.Dates, func(i int, d dyad.Date) []any {
		return []any{id, i, d.Start, d.End, d.Text, d.Value}
	})
	if err != nil {
		return err
	}
	return insertEach(p, p.st.event, "event", p.a.Events, func(i int, e dyad.Event) []any {
		src, tgt := e.Source, e.Target
		return []any{id, e.Key(), i, e.Date,
			src.Name, src.Code, src.Country, src.Sector, src.Actor,
			tgt.Name, tgt.Code, tgt.Country, tgt.Sector, tgt.Actor,
			e.CAMEO, e.Root, e.Quad, e.Goldstein, e.PLOVER.Type, e.PLOVER.Mode, e.PLOVER.Context,
			e.Location, e.Start, e.End, e.Evidence, e.Confidence, e.Coder, e.Dict, e.Mentions}
	})
}

// figureActors stores each figure's actor codes with the country of the
// code, looked up among the stored actors (this analysis's included, as
// they are already upserted).
func (p *putTx) figureActors() error {
	type row struct {
		fig, pos      int
		code, country string
	}
	var rows []row
	countries := map[string]string{}
	lookup := p.stmt(p.st.codeCountry)
	for i, f := range p.a.Figures {
		for j, code := range f.Actors {
			c, ok := countries[code]
			if !ok {
				err := lookup.QueryRowContext(p.ctx, code).Scan(&c)
				if err != nil && !errors.Is(err, sql.ErrNoRows) {
					return fmt.Errorf("figure %d: %w", i, err)
				}
				countries[code] = c
			}
			rows = append(rows, row{i, j, code, c})
		}
	}
	return insertEach(p, p.st.figureActor, "figure actor", rows, func(_ int, r row) []any {
		return []any{p.a.Article.ID, r.fig, r.pos, r.code, r.country}
	})
}

// insertEach executes st once per item, with the arguments args returns
// for the item and its index.
func insertEach[T any](p *putTx, st *sql.Stmt, what string, items []T, args func(int, T) []any) error {
	if len(items) == 0 {
		return nil
	}
	st = p.stmt(st)
	for i, it := range items {
		if _, err := st.ExecContext(p.ctx, args(i, it)...); err != nil {
			return fmt.Errorf("%s %d: %w", what, i, err)
		}
	}
	return nil
}
