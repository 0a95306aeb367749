package postgres

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"dyad"

	"github.com/jackc/pgx/v5"
)

var _ dyad.Store = (*Store)(nil)

const sqlArticle = `
	INSERT INTO articles (id, url, outlet, title, byline, published, lang, text,
		themes, tone, tone_positive, tone_negative, tone_words, ingested_at)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
	ON CONFLICT (id) DO NOTHING`

// sqlActors upserts actors: an actor is seen at the article's publication
// date ($8; an undated article leaves first_seen and last_seen as they
// are, least and greatest ignoring NULL). A field already known is kept;
// an empty one is filled by what this article says.
const sqlActors = `
	INSERT INTO actors (id, name, code, country, sector, kind, role, first_seen, last_seen)
	SELECT u.*, $8::timestamptz, $8::timestamptz
	FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u
	ON CONFLICT (id) DO UPDATE SET
		name = coalesce(nullif(actors.name, ''), excluded.name),
		code = coalesce(nullif(actors.code, ''), excluded.code),
		country = coalesce(nullif(actors.country, ''), excluded.country),
		sector = coalesce(nullif(actors.sector, ''), excluded.sector),
		kind = coalesce(nullif(actors.kind, ''), excluded.kind),
		role = coalesce(nullif(actors.role, ''), excluded.role),
		first_seen = least(actors.first_seen, excluded.first_seen),
		last_seen = greatest(actors.last_seen, excluded.last_seen)`

// sqlFigureActors stores each figure's actor codes with the country of the
// code, looked up among the stored actors (this analysis's included: the
// batch upserts them first).
const sqlFigureActors = `
	INSERT INTO figure_actors (article_id, figure_seq, pos, code, country)
	SELECT u.article_id, u.figure_seq, u.pos, u.code,
		coalesce((SELECT ac.country FROM actors ac
			WHERE lower(ac.code) = lower(u.code) AND ac.country <> '' ORDER BY ac.id LIMIT 1), '')
	FROM unnest($1::text[], $2::int[], $3::int[], $4::text[]) AS u (article_id, figure_seq, pos, code)`

// Put stores an analysis in one transaction. If the article is already
// stored it changes nothing and returns false.
func (s *Store) Put(ctx context.Context, a *dyad.Analysis) (created bool, err error) {
	if a == nil {
		return false, errors.New("postgres: put: nil analysis")
	}
	if a.Article.ID == "" {
		return false, errors.New("postgres: put: article has no id")
	}
	defer func() {
		if err != nil {
			err = fmt.Errorf("postgres: put %s: %w", a.Article.ID, err)
		}
	}()
	themes := []byte("[]")
	if len(a.Themes) > 0 {
		if themes, err = json.Marshal(a.Themes); err != nil {
			return false, err
		}
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return false, err
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) // no-op after Commit

	// The conflict check and the insert are one statement: a second Put of
	// the same article waits here until the first commits or rolls back.
	art, tone := a.Article, a.Tone
	tag, err := tx.Exec(ctx, sqlArticle,
		art.ID, art.URL, art.Outlet, art.Title, art.Byline, storedTime(art.Published), art.Lang, art.Text,
		string(themes), tone.Score, tone.Positive, tone.Negative, tone.Words, time.Now().UTC())
	if err != nil {
		return false, fmt.Errorf("article: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return false, nil
	}

	// Everything else goes in one round trip.
	b := &batch{}
	queueActors(b, a)
	queueItems(b, a)
	if err := b.send(ctx, tx); err != nil {
		return false, err
	}
	if err := tx.Commit(ctx); err != nil {
		return false, err
	}
	return true, nil
}

// batch is the statements of a Put after the article, each with a name
// for its errors.
type batch struct {
	pgx.Batch
	names []string
}

func (b *batch) queue(name, sql string, args ...any) {
	b.Queue(sql, args...)
	b.names = append(b.names, name)
}

func (b *batch) send(ctx context.Context, tx pgx.Tx) error {
	if b.Len() == 0 {
		return nil
	}
	res := tx.SendBatch(ctx, &b.Batch)
	for _, name := range b.names {
		if _, err := res.Exec(); err != nil {
			res.Close()
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return res.Close()
}

// insertRows queues one INSERT of n rows into table: cols are "name type"
// pairs and row returns the values of row i, one per column. The rows go
// as one array per column, so the statement is the same for any n.
func (b *batch) insertRows(what, table string, cols []string, n int, row func(i int) []any) {
	if n == 0 {
		return
	}
	arrays := make([][]any, len(cols))
	for i := range n {
		for j, v := range row(i) {
			arrays[j] = append(arrays[j], v)
		}
	}
	names := make([]string, len(cols))
	params := make([]string, len(cols))
	args := make([]any, len(cols))
	for j, c := range cols {
		name, typ, _ := strings.Cut(c, " ")
		names[j] = name
		params[j] = fmt.Sprintf("$%d::%s[]", j+1, typ)
		args[j] = arrays[j]
	}
	b.queue(what, "INSERT INTO "+table+" ("+strings.Join(names, ", ")+") SELECT * FROM unnest("+
		strings.Join(params, ", ")+")", args...)
}

// queueActors upserts the analysis's actors and links them to the article
// with their mention counts and tones. An actor listed twice is merged as
// two upserts would merge it: the first non-empty value of each field.
func queueActors(b *batch, a *dyad.Analysis) {
	type placed struct {
		dyad.Actor
		seq int
	}
	byID := map[string]int{}
	var actors []placed
	for _, ac := range a.Actors {
		i, ok := byID[ac.ID]
		if !ok {
			byID[ac.ID] = len(actors)
			actors = append(actors, placed{ac, len(actors)})
			continue
		}
		m := &actors[i]
		for _, f := range []struct {
			dst *string
			src string
		}{
			{&m.Name, ac.Name}, {&m.Code, ac.Code}, {&m.Country, ac.Country},
			{&m.Sector, ac.Sector}, {&m.Kind, ac.Kind}, {&m.Role, ac.Role},
		} {
			if *f.dst == "" {
				*f.dst = f.src
			}
		}
	}
	if len(actors) == 0 {
		return
	}
	// One lock order for every Put: no deadlock between concurrent ones.
	slices.SortFunc(actors, func(x, y placed) int { return cmp.Compare(x.ID, y.ID) })
	cols := make([][]string, 7)
	for _, ac := range actors {
		for j, v := range []string{ac.ID, ac.Name, ac.Code, ac.Country, ac.Sector, ac.Kind, ac.Role} {
			cols[j] = append(cols[j], v)
		}
	}
	b.queue("actors", sqlActors, cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6],
		storedTime(a.Article.Published))

	mentions := map[string]int{}
	for _, m := range a.Mentions {
		if m.Actor != "" {
			mentions[m.Actor]++
		}
	}
	tones := map[string]dyad.ActorTone{}
	for _, t := range a.Tones {
		tones[t.Actor] = t
	}
	b.insertRows("actor links", "article_actors",
		[]string{"article_id text", "actor_id text", "seq int", "mentions int", "sentences int", "tone float8"},
		len(actors), func(i int) []any {
			id := actors[i].ID
			var tone any // NULL unless the analysis has the actor's tone
			t, ok := tones[id]
			if ok {
				tone = t.Score
			}
			return []any{a.Article.ID, id, actors[i].seq, mentions[id], t.Sentences, tone}
		})
}

// queueItems inserts mentions, quotes, figures, dates and events, each
// numbered by its place in the analysis so that queries return them in
// article order.
func queueItems(b *batch, a *dyad.Analysis) {
	id := a.Article.ID
	b.insertRows("mentions", "mentions",
		[]string{"article_id text", "seq int", "span_start int", "span_end int", "text text", "type text", "actor_id text", "role text"},
		len(a.Mentions), func(i int) []any {
			m := a.Mentions[i]
			return []any{id, i, m.Start, m.End, m.Text, m.Type, m.Actor, m.Role}
		})
	b.insertRows("quotes", "quotes",
		[]string{"article_id text", "seq int", "span_start int", "span_end int", "text text", "direct bool", "cue text",
			"speaker_name text", "speaker_code text", "speaker_actor text", "speaker_start int", "speaker_end int"},
		len(a.Quotes), func(i int) []any {
			q := a.Quotes[i]
			sp := q.Speaker
			return []any{id, i, q.Start, q.End, q.Text, q.Direct, q.Cue, sp.Name, sp.Code, sp.Actor, sp.Start, sp.End}
		})
	b.insertRows("figures", "figures",
		[]string{"article_id text", "seq int", "span_start int", "span_end int", "text text", "value float8",
			"unit text", "qualifier text", "quantity text", "period text"},
		len(a.Figures), func(i int) []any {
			f := a.Figures[i]
			return []any{id, i, f.Start, f.End, f.Text, f.Value, f.Unit, f.Qualifier, f.Quantity, f.Period}
		})
	var figIDs, codes []string
	var figs, pos []int
	for i, f := range a.Figures {
		for j, code := range f.Actors {
			figIDs, figs, pos, codes = append(figIDs, id), append(figs, i), append(pos, j), append(codes, code)
		}
	}
	if len(codes) > 0 {
		b.queue("figure actors", sqlFigureActors, figIDs, figs, pos, codes)
	}
	b.insertRows("dates", "dates",
		[]string{"article_id text", "seq int", "span_start int", "span_end int", "text text", "value text"},
		len(a.Dates), func(i int) []any {
			d := a.Dates[i]
			return []any{id, i, d.Start, d.End, d.Text, d.Value}
		})

	// An event reported twice in one article is stored once, at the place
	// of the first, counting both.
	type keyed struct {
		seq int
		e   dyad.Event
	}
	var events []keyed
	byKey := map[string]int{}
	for i, e := range a.Events {
		if j, ok := byKey[e.Key()]; ok {
			events[j].e.Mentions += e.Mentions
			continue
		}
		byKey[e.Key()] = len(events)
		events = append(events, keyed{i, e})
	}
	b.insertRows("events", "events",
		[]string{"article_id text", "key text", "seq int", "date text",
			"source_name text", "source_code text", "source_country text", "source_sector text", "source_actor text",
			"target_name text", "target_code text", "target_country text", "target_sector text", "target_actor text",
			"cameo text", "root text", "quad int", "goldstein float8", "plover_type text", "plover_mode text", "plover_context text",
			"location text", "span_start int", "span_end int", "evidence text", "confidence float8", "coder text", "dict text", "mentions int"},
		len(events), func(i int) []any {
			e, src, tgt := events[i].e, events[i].e.Source, events[i].e.Target
			return []any{id, e.Key(), events[i].seq, e.Date,
				src.Name, src.Code, src.Country, src.Sector, src.Actor,
				tgt.Name, tgt.Code, tgt.Country, tgt.Sector, tgt.Actor,
				e.CAMEO, e.Root, e.Quad, e.Goldstein, e.PLOVER.Type, e.PLOVER.Mode, e.PLOVER.Context,
				e.Location, e.Start, e.End, e.Evidence, e.Confidence, e.Coder, e.Dict, e.Mentions}
		})
}
