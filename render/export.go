package render

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"dyad"
	"dyad/parquet"
)

// Export formats, for programs (pandas, R, DuckDB). CSV and Parquet have
// the flat fields of a record type; JSONL has one record per line in
// dyad's JSON shape.
const (
	JSONL   = "jsonl"
	Parquet = "parquet"
)

// CheckExportFormat returns an error unless format is one Export writes.
func CheckExportFormat(format string) error {
	switch format {
	case CSV, JSONL, Parquet:
		return nil
	}
	return fmt.Errorf("unknown format %q (want csv, jsonl or parquet)", format)
}

// Field is one flat field of a record type T. Value returns an int64,
// float64, bool or string of Type, or nil (a null) if the field is
// Optional.
type Field[T any] struct {
	Name     string
	Type     parquet.Type
	Optional bool
	Value    func(T) any
}

// Export writes records in format. A CSV null is an empty cell.
func Export[T any](w io.Writer, format string, records []T, fields []Field[T]) error {
	switch format {
	case JSONL:
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, r := range records {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	case CSV:
		cw := csv.NewWriter(w)
		row := make([]string, len(fields))
		for i, f := range fields {
			row[i] = f.Name
		}
		_ = cw.Write(row)
		for _, r := range records {
			for i, f := range fields {
				row[i] = cell(f.Value(r))
			}
			_ = cw.Write(row)
		}
		cw.Flush()
		return cw.Error()
	case Parquet:
		cols := make([]parquet.Column, len(fields))
		for i, f := range fields {
			cols[i] = parquet.Column{Name: f.Name, Type: f.Type, Optional: f.Optional}
		}
		pw, err := parquet.NewWriter(w, cols, 0)
		if err != nil {
			return err
		}
		row := make([]any, len(fields))
		for _, r := range records {
			for i, f := range fields {
				row[i] = f.Value(r)
			}
			if err := pw.Write(row); err != nil {
				return err
			}
		}
		return pw.Close()
	}
	return CheckExportFormat(format)
}

func cell(v any) string {
	switch v := v.(type) {
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	case string:
		return v
	}
	return ""
}

// Helpers to build fields.

func str[T any](name string, v func(T) string) Field[T] {
	return Field[T]{Name: name, Type: parquet.String, Value: func(r T) any { return v(r) }}
}

func integer[T any](name string, v func(T) int) Field[T] {
	return Field[T]{Name: name, Type: parquet.Int64, Value: func(r T) any { return int64(v(r)) }}
}

func float[T any](name string, v func(T) float64) Field[T] {
	return Field[T]{Name: name, Type: parquet.Double, Value: func(r T) any { return v(r) }}
}

// timestamp is an RFC 3339 time, null when unknown.
func timestamp[T any](name string, v func(T) time.Time) Field[T] {
	return Field[T]{Name: name, Type: parquet.String, Optional: true, Value: func(r T) any {
		if t := v(r); !t.IsZero() {
			return t.UTC().Format(time.RFC3339)
		}
		return nil
	}}
}

// sourceFields are the fields of the article a record came from.
func sourceFields[T any](src func(T) dyad.Source) []Field[T] {
	return []Field[T]{
		str("article_id", func(r T) string { return src(r).ArticleID }),
		str("outlet", func(r T) string { return src(r).Outlet }),
		str("title", func(r T) string { return src(r).Title }),
		timestamp("published", func(r T) time.Time { return src(r).Published }),
	}
}

func spanFields[T any](span func(T) dyad.Span) []Field[T] {
	return []Field[T]{
		integer("start", func(r T) int { return span(r).Start }),
		integer("end", func(r T) int { return span(r).End }),
	}
}

// ArticleFields are the exported fields of an article.
var ArticleFields = []Field[dyad.Article]{
	str("id", func(a dyad.Article) string { return a.ID }),
	str("url", func(a dyad.Article) string { return a.URL }),
	str("outlet", func(a dyad.Article) string { return a.Outlet }),
	str("title", func(a dyad.Article) string { return a.Title }),
	str("byline", func(a dyad.Article) string { return a.Byline }),
	timestamp("published", func(a dyad.Article) time.Time { return a.Published }),
	str("lang", func(a dyad.Article) string { return a.Lang }),
	str("text", func(a dyad.Article) string { return a.Text }),
}

// QuoteFields are the exported fields of a quote.
var QuoteFields = slices.Concat(
	sourceFields(func(q dyad.QuoteRecord) dyad.Source { return q.Source }),
	spanFields(func(q dyad.QuoteRecord) dyad.Span { return q.Span }),
	[]Field[dyad.QuoteRecord]{
		str("text", func(q dyad.QuoteRecord) string { return q.Text }),
		{Name: "direct", Type: parquet.Bool, Value: func(q dyad.QuoteRecord) any { return q.Direct }},
		str("cue", func(q dyad.QuoteRecord) string { return q.Cue }),
		str("speaker_name", func(q dyad.QuoteRecord) string { return q.Speaker.Name }),
		str("speaker_code", func(q dyad.QuoteRecord) string { return q.Speaker.Code }),
		str("speaker_actor", func(q dyad.QuoteRecord) string { return q.Speaker.Actor }),
	},
)

// FigureFields are the exported fields of a figure; actors are its actor
// codes separated by spaces.
var FigureFields = slices.Concat(
	sourceFields(func(f dyad.FigureRecord) dyad.Source { return f.Source }),
	spanFields(func(f dyad.FigureRecord) dyad.Span { return f.Span }),
	[]Field[dyad.FigureRecord]{
		str("text", func(f dyad.FigureRecord) string { return f.Text }),
		float("value", func(f dyad.FigureRecord) float64 { return f.Value }),
		str("unit", func(f dyad.FigureRecord) string { return f.Unit }),
		str("qualifier", func(f dyad.FigureRecord) string { return f.Qualifier }),
		str("quantity", func(f dyad.FigureRecord) string { return f.Quantity }),
		str("period", func(f dyad.FigureRecord) string { return f.Period }),
		str("actors", func(f dyad.FigureRecord) string { return strings.Join(f.Actors, " ") }),
	},
)

// EventFields are the exported fields of an event.
var EventFields = slices.Concat(
	sourceFields(func(e dyad.EventRecord) dyad.Source { return e.Source }),
	[]Field[dyad.EventRecord]{str("date", func(e dyad.EventRecord) string { return e.Date })},
	eventActorFields("source", func(e dyad.EventRecord) dyad.EventActor { return e.Event.Source }),
	eventActorFields("target", func(e dyad.EventRecord) dyad.EventActor { return e.Target }),
	[]Field[dyad.EventRecord]{
		str("cameo", func(e dyad.EventRecord) string { return e.CAMEO }),
		str("root", func(e dyad.EventRecord) string { return e.Root }),
		integer("quad", func(e dyad.EventRecord) int { return e.Quad }),
		float("goldstein", func(e dyad.EventRecord) float64 { return e.Goldstein }),
		str("plover_type", func(e dyad.EventRecord) string { return e.PLOVER.Type }),
		str("plover_mode", func(e dyad.EventRecord) string { return e.PLOVER.Mode }),
		str("plover_context", func(e dyad.EventRecord) string { return e.PLOVER.Context }),
		str("location", func(e dyad.EventRecord) string { return e.Location }),
	},
	spanFields(func(e dyad.EventRecord) dyad.Span { return e.Span }),
	[]Field[dyad.EventRecord]{
		str("evidence", func(e dyad.EventRecord) string { return e.Evidence }),
		float("confidence", func(e dyad.EventRecord) float64 { return e.Confidence }),
		str("coder", func(e dyad.EventRecord) string { return e.Coder }),
		str("dict", func(e dyad.EventRecord) string { return e.Dict }),
		integer("mentions", func(e dyad.EventRecord) int { return e.Mentions }),
	},
)

func eventActorFields(side string, actor func(dyad.EventRecord) dyad.EventActor) []Field[dyad.EventRecord] {
	return []Field[dyad.EventRecord]{
		str(side+"_name", func(e dyad.EventRecord) string { return actor(e).Name }),
		str(side+"_code", func(e dyad.EventRecord) string { return actor(e).Code }),
		str(side+"_country", func(e dyad.EventRecord) string { return actor(e).Country }),
		str(side+"_sector", func(e dyad.EventRecord) string { return actor(e).Sector }),
		str(side+"_actor", func(e dyad.EventRecord) string { return actor(e).Actor }),
	}
}
