// Package sqlcols holds the column lists and scan destinations that the
// SQL stores share: SQLite and PostgreSQL keep the same tables, so they
// select and scan the same columns.
package sqlcols

import "dyad"

// Quote selects a dyad.Quote from the quotes table "q"; QuoteDest scans
// it.
const Quote = `q.span_start, q.span_end, q.text, q.direct, q.cue,
	q.speaker_name, q.speaker_code, q.speaker_actor, q.speaker_start, q.speaker_end`

func QuoteDest(q *dyad.Quote) []any {
	sp := &q.Speaker
	return []any{&q.Start, &q.End, &q.Text, &q.Direct, &q.Cue, &sp.Name, &sp.Code, &sp.Actor, &sp.Start, &sp.End}
}

// Event selects a dyad.Event from the events table "e"; EventDest scans
// it.
const Event = `e.date,
	e.source_name, e.source_code, e.source_country, e.source_sector, e.source_actor,
	e.target_name, e.target_code, e.target_country, e.target_sector, e.target_actor,
	e.cameo, e.root, e.quad, e.goldstein, e.plover_type, e.plover_mode, e.plover_context,
	e.location, e.span_start, e.span_end, e.evidence, e.confidence, e.coder, e.dict, e.mentions`

func EventDest(e *dyad.Event) []any {
	src, tgt := &e.Source, &e.Target
	return []any{&e.Date,
		&src.Name, &src.Code, &src.Country, &src.Sector, &src.Actor,
		&tgt.Name, &tgt.Code, &tgt.Country, &tgt.Sector, &tgt.Actor,
		&e.CAMEO, &e.Root, &e.Quad, &e.Goldstein, &e.PLOVER.Type, &e.PLOVER.Mode, &e.PLOVER.Context,
		&e.Location, &e.Start, &e.End, &e.Evidence, &e.Confidence, &e.Coder, &e.Dict, &e.Mentions}
}

// Counts counts the stored records of each kind; CountsDest scans it.
const Counts = `SELECT
	(SELECT count(*) FROM articles), (SELECT count(*) FROM actors),
	(SELECT count(*) FROM mentions), (SELECT count(*) FROM quotes),
	(SELECT count(*) FROM figures), (SELECT count(*) FROM events)`

func CountsDest(c *dyad.Counts) []any {
	return []any{&c.Articles, &c.Actors, &c.Mentions, &c.Quotes, &c.Figures, &c.Events}
}
