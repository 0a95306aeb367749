package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"dyad"
	"dyad/internal/sqlcols"

	"github.com/jackc/pgx/v5"
)

// Analysis reads a stored article back with everything stored of it: its
// actors (as stored now, in the order of the analysis), mentions, quotes,
// figures, dates and events in their order, themes, tone and the actors'
// tones (score and sentences: the word counts of an actor's tone are not
// stored). The reads are one snapshot.
func (s *Store) Analysis(ctx context.Context, articleID string) (an *dyad.Analysis, err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("postgres: analysis %s: %w", articleID, err)
		}
	}()
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback(context.WithoutCancel(ctx))

	an = &dyad.Analysis{}
	art := &an.Article
	var themes []byte
	err = tx.QueryRow(ctx, `SELECT id, url, outlet, title, byline, published, lang, text,
			themes, tone, tone_positive, tone_negative, tone_words
		FROM articles WHERE id = $1`, articleID).
		Scan(&art.ID, &art.URL, &art.Outlet, &art.Title, &art.Byline, timeDest{&art.Published}, &art.Lang, &art.Text,
			&themes, &an.Tone.Score, &an.Tone.Positive, &an.Tone.Negative, &an.Tone.Words)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, dyad.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(themes, &an.Themes); err != nil {
		return nil, fmt.Errorf("themes: %w", err)
	}

	reads := []struct {
		what, sql string
		scan      func(pgx.Rows) error
	}{
		{"actors", `SELECT ac.id, ac.name, ac.code, ac.country, ac.sector, ac.kind, ac.role, aa.sentences, aa.tone
			FROM article_actors aa JOIN actors ac ON ac.id = aa.actor_id
			WHERE aa.article_id = $1 ORDER BY aa.seq`, func(r pgx.Rows) error {
			var ac dyad.Actor
			var t dyad.ActorTone
			var tone *float64
			if err := r.Scan(&ac.ID, &ac.Name, &ac.Code, &ac.Country, &ac.Sector, &ac.Kind, &ac.Role, &t.Sentences, &tone); err != nil {
				return err
			}
			an.Actors = append(an.Actors, ac)
			if tone != nil {
				t.Actor, t.Score = ac.ID, *tone
				an.Tones = append(an.Tones, t)
			}
			return nil
		}},
		{"mentions", `SELECT span_start, span_end, text, type, actor_id, role
			FROM mentions WHERE article_id = $1 ORDER BY seq`, func(r pgx.Rows) error {
			var m dyad.Mention
			err := r.Scan(&m.Start, &m.End, &m.Text, &m.Type, &m.Actor, &m.Role)
			an.Mentions = append(an.Mentions, m)
			return err
		}},
		{"quotes", `SELECT ` + sqlcols.Quote + ` FROM quotes q WHERE q.article_id = $1 ORDER BY q.seq`, func(r pgx.Rows) error {
			var q dyad.Quote
			err := r.Scan(sqlcols.QuoteDest(&q)...)
			an.Quotes = append(an.Quotes, q)
			return err
		}},
		{"figures", `SELECT ` + figureCols + ` FROM figures fg WHERE fg.article_id = $1 ORDER BY fg.seq`, func(r pgx.Rows) error {
			var f dyad.Figure
			err := r.Scan(figureDest(&f)...)
			an.Figures = append(an.Figures, f)
			return err
		}},
		{"dates", `SELECT span_start, span_end, text, value FROM dates WHERE article_id = $1 ORDER BY seq`, func(r pgx.Rows) error {
			var d dyad.Date
			err := r.Scan(&d.Start, &d.End, &d.Text, &d.Value)
			an.Dates = append(an.Dates, d)
			return err
		}},
		{"events", `SELECT ` + sqlcols.Event + ` FROM events e WHERE e.article_id = $1 ORDER BY e.seq`, func(r pgx.Rows) error {
			var e dyad.Event
			err := r.Scan(sqlcols.EventDest(&e)...)
			an.Events = append(an.Events, e)
			return err
		}},
	}
	for _, rd := range reads {
		rows, err := tx.Query(ctx, rd.sql, articleID)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", rd.what, err)
		}
		for rows.Next() && err == nil {
			err = rd.scan(rows)
		}
		rows.Close()
		if err = errors.Join(err, rows.Err()); err != nil {
			return nil, fmt.Errorf("%s: %w", rd.what, err)
		}
	}
	return an, nil
}
