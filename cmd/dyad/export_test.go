package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dyad"
	"dyad/parquet/parquettest"
	"dyad/render"
)

// exportKinds are the kinds of "dyad export", each with its field names,
// the number of stored records in storeEvents' database and one value to
// find in a column.
var exportKinds = []struct {
	kind   string
	fields []string
	rows   int
	col    string
	value  string
}{
	{"events", fieldNames(render.EventFields), 4, "source_code", "RUSMIL"},
	{"articles", fieldNames(render.ArticleFields), 2, "url", "https://harbor.example/visit"},
	{"quotes", fieldNames(render.QuoteFields), 1, "speaker_code", "ISRGOV"},
	{"figures", fieldNames(render.FigureFields), 1, "actors", "ISR AZE"},
}

func fieldNames[T any](fields []render.Field[T]) []string {
	var names []string
	for _, f := range fields {
		names = append(names, f.Name)
	}
	return names
}

func TestExportCSV(t *testing.T) {
	db := storeEvents(t)
	for _, k := range exportKinds {
		t.Run(k.kind, func(t *testing.T) {
			r := mustRun(t, 0, "export", k.kind, "--db", db, "--format", "csv")
			recs, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
			if err != nil {
				t.Fatalf("not CSV: %v", err)
			}
			if len(recs) != k.rows+1 || !slices.Equal(recs[0], k.fields) {
				t.Fatalf("%d rows with header %q; want %d and %q", len(recs)-1, recs[0], k.rows, k.fields)
			}
			col := slices.Index(k.fields, k.col)
			if !slices.ContainsFunc(recs[1:], func(rec []string) bool { return rec[col] == k.value }) {
				t.Errorf("no row with %s = %q", k.col, k.value)
			}
		})
	}
	// Numbers are written in full, an unknown date as an empty cell.
	r := mustRun(t, 0, "export", "figures", "--db", db)
	if !strings.Contains(r.stdout, ",360000000,USD,") {
		t.Errorf("figures CSV:\n%s\nwant the value 360000000", r.stdout)
	}
}

func TestExportJSONL(t *testing.T) {
	db := storeEvents(t)
	out := filepath.Join(t.TempDir(), "events.jsonl")
	mustRun(t, 0, "export", "events", "--db", db, "--format", "jsonl", "--dyad", "ISR-AZE", "--out", out)
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []dyad.EventRecord
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var e dyad.EventRecord
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		got = append(got, e)
	}
	if len(got) != 1 || got[0].CAMEO != "042" || got[0].Evidence == "" || got[0].ArticleID != "e100000000000001" {
		t.Errorf("events %+v, want the visit with its evidence and article", got)
	}
	for _, k := range exportKinds {
		r := mustRun(t, 0, "export", k.kind, "--db", db, "--format", "jsonl")
		if n := len(lines(r.stdout)); n != k.rows {
			t.Errorf("%s: %d lines, want %d", k.kind, n, k.rows)
		}
	}
}

func TestExportParquet(t *testing.T) {
	db := storeEvents(t)
	dir := t.TempDir()
	for _, k := range exportKinds {
		t.Run(k.kind, func(t *testing.T) {
			out := filepath.Join(dir, k.kind+".parquet")
			mustRun(t, 0, "export", k.kind, "--db", db, "--format", "parquet", "--out", out)
			f := parquettest.Read(t, out)
			var names []string
			for _, s := range f.Schema {
				names = append(names, s.Name)
			}
			if f.NumRows != k.rows || len(f.Rows) != k.rows || !slices.Equal(names, k.fields) {
				t.Fatalf("%d rows with columns %q; want %d and %q", f.NumRows, names, k.rows, k.fields)
			}
			if !slices.ContainsFunc(f.Rows, func(r map[string]any) bool { return r[k.col] == k.value }) {
				t.Errorf("no row with %s = %q: %v", k.col, k.value, f.Rows)
			}
		})
	}
	// Typed columns: an undated event has an empty date; numbers are numbers.
	f := parquettest.Read(t, filepath.Join(dir, "events.parquet"))
	for _, r := range f.Rows {
		if r["cameo"] == "112" && (r["date"] != "" || r["quad"] != "3" || r["goldstein"] != json.Number("-2")) {
			t.Errorf("accusation %v: want an empty date, quad 3 (INT64) and goldstein -2 (DOUBLE)", r)
		}
	}
	// An empty result is a valid file with no rows.
	out := filepath.Join(dir, "none.parquet")
	mustRun(t, 0, "export", "events", "--db", db, "--format", "parquet", "--quad", "2", "--out", out)
	if f := parquettest.Read(t, out); f.NumRows != 0 || len(f.Schema) != len(render.EventFields) {
		t.Errorf("empty export: %d rows, %d columns; want 0 and %d", f.NumRows, len(f.Schema), len(render.EventFields))
	}
}

func TestExportErrors(t *testing.T) {
	db := storeEvents(t)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, "dyad export: want one kind: events, articles, quotes or figures\n"},
		{[]string{"events", "quotes"}, "dyad export: want one kind: events, articles, quotes or figures\n"},
		{[]string{"actors"}, "dyad export: unknown kind \"actors\": want events, articles, quotes or figures\n"},
		{[]string{"events", "--format", "table"}, "dyad export: unknown format \"table\" (want csv, jsonl or parquet)\n"},
		{[]string{"events", "--quad", "9"}, "dyad export: --quad 9: want 1-4\n"},
		{[]string{"quotes", "--cameo", "04"}, "dyad export: --dyad, --source, --target, --undirected, --cameo and --quad select events, not quotes\n"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := mustRun(t, 2, append([]string{"export", "--db", db}, tt.args...)...)
			if r.stderr != tt.want {
				t.Errorf("stderr %q, want %q", r.stderr, tt.want)
			}
		})
	}

	// A failed export leaves the file it would have replaced as it was,
	// and no temporary file.
	dir := t.TempDir()
	out := writeFile(t, dir, "events.csv", []byte("old\n"))
	r := mustRun(t, 1, "export", "events", "--db", db, "--q", `"unbalanced`, "--out", out)
	if !strings.Contains(r.stderr, "invalid query") {
		t.Errorf("stderr %q, want the query's error", r.stderr)
	}
	if b, err := os.ReadFile(out); err != nil || string(b) != "old\n" {
		t.Errorf("after a failed export the file holds %q, %v; want it unchanged", b, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("directory holds %d entries after a failed export, want only the old file", len(entries))
	}
	mustRun(t, 0, "export", "events", "--db", db, "--out", out)
	if b, _ := os.ReadFile(out); !strings.HasPrefix(string(b), "article_id,") {
		t.Errorf("a good export wrote %q, want CSV", b)
	}
}
