// Package render prints records for people and programs: aligned tables,
// CSV and JSON, and a readable report of one analysis.
package render

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// Formats that Records accepts.
const (
	Table = "table"
	CSV   = "csv"
	JSON  = "json"
)

// CheckFormat returns an error unless format is one Records prints.
func CheckFormat(format string) error {
	switch format {
	case Table, CSV, JSON:
		return nil
	}
	return fmt.Errorf("unknown format %q (want table, csv or json)", format)
}

// Column is one column of a table of T.
type Column[T any] struct {
	Name  string
	Value func(T) string
}

// Records prints records in format: a JSON array of the records themselves,
// or the columns as CSV or as an aligned table whose long cells are cut.
func Records[T any](w io.Writer, format string, records []T, cols []Column[T]) error {
	if err := CheckFormat(format); err != nil {
		return err
	}
	if format == JSON {
		if records == nil {
			records = []T{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(records)
	}
	row := make([]string, len(cols))
	for i, c := range cols {
		row[i] = c.Name
	}
	if format == CSV {
		cw := csv.NewWriter(w)
		_ = cw.Write(row)
		for _, r := range records {
			for i, c := range cols {
				row[i] = c.Value(r)
			}
			_ = cw.Write(row)
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(row, "\t")))
	for _, r := range records {
		for i, c := range cols {
			row[i] = Cut(oneLine(c.Value(r)), 60)
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	return tw.Flush()
}

// Cut shortens s to at most n runes, marking the cut with an ellipsis.
func Cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
