package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"dyad"
	"dyad/internal/sqlcols"
)

// Analysis reads a stored article back with its actors, mentions, quotes,
// figures, dates, events, themes and tones, each in the order the analysis
// had. Actors are as the store knows them now (a role learnt from a later
// article included); an actor's tone keeps its score and sentence count.
func (s *Store) Analysis(ctx context.Context, id string) (*dyad.Analysis, error) {
	an := &dyad.Analysis{}
	var err error
	art, tone := &an.Article, &an.Tone
	var themes string
	err = s.r.QueryRowContext(ctx, `SELECT id, url, outlet, title, byline, published, lang, text,
			themes, tone, tone_positive, tone_negative, tone_words
		FROM articles WHERE id = ?`, id).
		Scan(&art.ID, &art.URL, &art.Outlet, &art.Title, &art.Byline, timeDest{&art.Published}, &art.Lang, &art.Text,
			&themes, &tone.Score, &tone.Positive, &tone.Negative, &tone.Words)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlite: article %s: %w", id, dyad.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: article %s: %w", id, err)
	}
	if err := json.Unmarshal([]byte(themes), &an.Themes); err != nil {
		return nil, fmt.Errorf("sqlite: article %s: themes: %w", id, err)
	}
	if err := s.analysisActors(ctx, an); err != nil {
		return nil, err
	}
	if an.Mentions, err = collect(ctx, s, `SELECT span_start, span_end, text, type, actor_id, role
		FROM mentions WHERE article_id = ? ORDER BY seq`, []any{id}, func(r *sql.Rows, m *dyad.Mention) error {
		return r.Scan(&m.Start, &m.End, &m.Text, &m.Type, &m.Actor, &m.Role)
	}); err != nil {
		return nil, err
	}
	if an.Quotes, err = collect(ctx, s, `SELECT `+sqlcols.Quote+` FROM quotes q WHERE q.article_id = ? ORDER BY q.seq`,
		[]any{id}, func(r *sql.Rows, q *dyad.Quote) error { return r.Scan(sqlcols.QuoteDest(q)...) }); err != nil {
		return nil, err
	}
	if an.Figures, err = collect(ctx, s, `SELECT `+figureCols+` FROM figures fg WHERE fg.article_id = ? ORDER BY fg.seq`,
		[]any{id}, func(r *sql.Rows, f *dyad.Figure) error {
			var actors string
			if err := r.Scan(figureDest(f, &actors)...); err != nil {
				return err
			}
			return figureActors(f, actors)
		}); err != nil {
		return nil, err
	}
	if an.Dates, err = collect(ctx, s, `SELECT span_start, span_end, text, value
		FROM dates WHERE article_id = ? ORDER BY seq`, []any{id}, func(r *sql.Rows, d *dyad.Date) error {
		return r.Scan(&d.Start, &d.End, &d.Text, &d.Value)
	}); err != nil {
		return nil, err
	}
	if an.Events, err = collect(ctx, s, `SELECT `+sqlcols.Event+` FROM events e WHERE e.article_id = ? ORDER BY e.seq`,
		[]any{id}, func(r *sql.Rows, e *dyad.Event) error { return r.Scan(sqlcols.EventDest(e)...) }); err != nil {
		return nil, err
	}
	return an, nil
}

// analysisActors reads the actors an article names, in the order they were
// put, and their tones.
func (s *Store) analysisActors(ctx context.Context, an *dyad.Analysis) error {
	type row struct {
		actor     dyad.Actor
		sentences int
		tone      sql.NullFloat64
	}
	rows, err := collect(ctx, s, `SELECT ac.id, ac.name, ac.code, ac.country, ac.sector, ac.kind, ac.role,
			aa.sentences, aa.tone
		FROM article_actors aa JOIN actors ac ON ac.id = aa.actor_id
		WHERE aa.article_id = ? ORDER BY aa.seq, ac.id`, []any{an.Article.ID}, func(r *sql.Rows, x *row) error {
		a := &x.actor
		return r.Scan(&a.ID, &a.Name, &a.Code, &a.Country, &a.Sector, &a.Kind, &a.Role, &x.sentences, &x.tone)
	})
	if err != nil {
		return err
	}
	for _, x := range rows {
		an.Actors = append(an.Actors, x.actor)
		if x.tone.Valid {
			an.Tones = append(an.Tones, dyad.ActorTone{Actor: x.actor.ID, Sentences: x.sentences, Tone: dyad.Tone{Score: x.tone.Float64}})
		}
	}
	return nil
}
