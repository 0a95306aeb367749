package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"dyad"
	"dyad/render"
	"dyad/sqlite"
)

// Two articles with coded events, written for these tests and stored
// directly: the commands under test read the store, whatever coded it.
var (
	eventArticle1 = `Israel's foreign minister visited Azerbaijan on Monday. Azerbaijan praised Israel as a partner. ` +
		`"We are friends," the minister said. Trade reached $360 million.`
	eventArticle2 = `Russian forces shelled Ukraine. The United States accused Russia of breaking the truce.`
)

func evidence(text, sentence string) dyad.Span {
	i := strings.Index(text, sentence)
	return dyad.Span{Start: i, End: i + len(sentence)}
}

func codedEvent(text, sentence, date string, src, tgt dyad.EventActor, cameo string, quad int, goldstein float64, plover string) dyad.Event {
	return dyad.Event{
		Date: date, Source: src, Target: tgt, CAMEO: cameo, Root: cameo[:2], Quad: quad, Goldstein: goldstein,
		PLOVER: dyad.PLOVER{Type: plover}, Span: evidence(text, sentence), Evidence: sentence,
		Confidence: 0.8, Coder: "test-coder", Dict: "test-dict", Mentions: 1,
	}
}

var (
	isrGov = dyad.EventActor{Name: "Israeli government", Code: "ISRGOV", Country: "ISR", Sector: "GOV"}
	azeGov = dyad.EventActor{Name: "Azerbaijani government", Code: "AZEGOV", Country: "AZE", Sector: "GOV"}
	aze    = dyad.EventActor{Name: "Azerbaijan", Code: "AZE", Country: "AZE"}
	isr    = dyad.EventActor{Name: "Israel", Code: "ISR", Country: "ISR"}
	rusMil = dyad.EventActor{Name: "Russian military", Code: "RUSMIL", Country: "RUS", Sector: "MIL"}
	ukr    = dyad.EventActor{Name: "Ukraine", Code: "UKR", Country: "UKR"}
	usa    = dyad.EventActor{Name: "United States", Code: "USA", Country: "USA"}
	rus    = dyad.EventActor{Name: "Russia", Code: "RUS", Country: "RUS"}
)

// storeEvents stores the two articles and their events in a new database
// and returns its path.
func storeEvents(t *testing.T) string {
	t.Helper()
	db := newDB(t)
	s, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	visit, praise := "Israel's foreign minister visited Azerbaijan on Monday.", "Azerbaijan praised Israel as a partner."
	shell, accuse := "Russian forces shelled Ukraine.", "The United States accused Russia of breaking the truce."
	for _, an := range []*dyad.Analysis{
		{Article: dyad.Article{ID: "e100000000000001", URL: "https://harbor.example/visit", Outlet: "Harbor Times",
			Title: "Minister in Baku", Published: time.Date(2026, 1, 27, 8, 0, 0, 0, time.UTC), Text: eventArticle1},
			Events: []dyad.Event{
				codedEvent(eventArticle1, visit, "2026-01-26", isrGov, azeGov, "042", 1, 1.9, "CONSULT"),
				codedEvent(eventArticle1, praise, "2026-01-27", aze, isr, "051", 1, 3.4, "COOPERATE"),
			},
			Quotes: []dyad.Quote{{Span: evidence(eventArticle1, "We are friends"), Text: "We are friends", Direct: true,
				Cue: "said", Speaker: dyad.Speaker{Name: "the minister", Code: "ISRGOV", Span: evidence(eventArticle1, "the minister")}}},
			Figures: []dyad.Figure{{Span: evidence(eventArticle1, "$360 million"), Text: "$360 million", Value: 360e6,
				Unit: "USD", Quantity: "trade", Actors: []string{"ISR", "AZE"}}},
		},
		{Article: dyad.Article{ID: "e200000000000002", URL: "https://andes.example/truce", Outlet: "Andes Courier",
			Title: "Truce broken", Published: time.Date(2026, 2, 10, 8, 0, 0, 0, time.UTC), Text: eventArticle2},
			Events: []dyad.Event{
				codedEvent(eventArticle2, shell, "2026-02-09", rusMil, ukr, "190", 4, -10, "ASSAULT"),
				codedEvent(eventArticle2, accuse, "", usa, rus, "112", 3, -2, "ACCUSE"),
			}},
	} {
		if _, err := s.Put(context.Background(), an); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func cameos(events []dyad.EventRecord) []string {
	out := []string{}
	for _, e := range events {
		out = append(out, e.CAMEO)
	}
	return out
}

func TestQueryEvents(t *testing.T) {
	db := storeEvents(t)
	tests := []struct {
		args []string
		want []string // CAMEO codes, newest article first
	}{
		{nil, []string{"190", "112", "042", "051"}},
		{[]string{"--dyad", "ISR-AZE"}, []string{"042"}},
		{[]string{"--dyad", "AZE-ISR"}, []string{"051"}},
		{[]string{"--dyad", "isr-aze", "--undirected"}, []string{"042", "051"}},
		{[]string{"--dyad", "ISRGOV-AZEGOV"}, []string{"042"}},
		{[]string{"--dyad", "USA-UKR"}, []string{}},
		{[]string{"--source", "RUS"}, []string{"190"}},
		{[]string{"--target", "RUS"}, []string{"112"}},
		{[]string{"--source", "United States", "--target", "Russia"}, []string{"112"}},
		{[]string{"--actor", "RUS"}, []string{"190", "112"}},
		{[]string{"--cameo", "04"}, []string{"042"}},
		{[]string{"--cameo", "1"}, []string{"190", "112"}},
		{[]string{"--cameo", "051"}, []string{"051"}},
		{[]string{"--quad", "4"}, []string{"190"}},
		{[]string{"--quad", "1"}, []string{"042", "051"}},
		{[]string{"--quad", "2"}, []string{}},
		{[]string{"--since", "2026-02-01"}, []string{"190", "112"}},
		{[]string{"--until", "2026-02-01"}, []string{"042", "051"}},
		{[]string{"--outlet", "harbor times"}, []string{"042", "051"}},
		{[]string{"--q", "truce"}, []string{"190", "112"}},
		{[]string{"--limit", "3"}, []string{"190", "112", "042"}},
		{[]string{"--actor", "ISR", "--quad", "1", "--cameo", "05"}, []string{"051"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got := cameos(listJSON[dyad.EventRecord](t, db, "events", tt.args...))
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("events %q, want %q", got, tt.want)
			}
		})
	}

	// The table has a header and one row per event, with its evidence.
	r := mustRun(t, 0, "events", "--db", db, "--dyad", "ISR-AZE")
	rows := lines(r.stdout)
	if len(rows) != 2 || !strings.Contains(rows[0], "CAMEO") || !strings.Contains(rows[1], "ISRGOV") || !strings.Contains(rows[1], "visited Azerbaijan") {
		t.Errorf("table:\n%s\nwant a header and the visit", r.stdout)
	}
	r = mustRun(t, 0, "events", "--db", db, "--format", "csv", "--quad", "4")
	if rows := lines(r.stdout); len(rows) != 2 || !strings.HasPrefix(rows[0], "published,outlet,date,source,target,cameo,quad") ||
		!strings.Contains(rows[1], "2026-02-09,RUSMIL,UKR,190,4,-10,ASSAULT") {
		t.Errorf("csv:\n%s\nwant a header and the shelling", r.stdout)
	}
}

func TestQueryEventsBadFlags(t *testing.T) {
	db := storeEvents(t)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--quad", "7"}, "dyad events: --quad 7: want 1-4\n"},
		{[]string{"--quad", "one"}, "dyad events: --quad one: want 1-4\n"},
		{[]string{"--dyad", "ISR"}, "dyad events: --dyad ISR: want SRC-TGT (for names with a dash use --source and --target)\n"},
		{[]string{"--dyad", "ISR-"}, "dyad events: --dyad ISR-: want SRC-TGT (for names with a dash use --source and --target)\n"},
		{[]string{"--dyad", "a-b-c"}, "dyad events: --dyad a-b-c: want SRC-TGT (for names with a dash use --source and --target)\n"},
		{[]string{"--dyad", "ISR-AZE", "--source", "USA"}, "dyad events: --dyad ISR-AZE: give either --dyad or --source/--target\n"},
		{[]string{"--cameo", "4a"}, "dyad events: --cameo 4a: want a CAMEO code or its prefix, such as 04 or 042\n"},
		{[]string{"--cameo", "04211"}, "dyad events: --cameo 04211: want a CAMEO code or its prefix, such as 04 or 042\n"},
		{[]string{"--format", "xml"}, "dyad events: unknown format \"xml\" (want table, csv, json or gdelt)\n"},
		{[]string{"--since", "Monday"}, "dyad events: --since \"Monday\": want a date such as 2026-01-27\n"},
		{[]string{"--limit", "-1"}, "dyad events: --limit -1: want 0 (no limit) or more\n"},
		{[]string{"extra"}, "dyad events: unexpected argument \"extra\"\n"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := mustRun(t, 2, append([]string{"events", "--db", db}, tt.args...)...)
			if r.stderr != tt.want || r.stdout != "" {
				t.Errorf("stderr %q, stdout %q; want stderr %q", r.stderr, r.stdout, tt.want)
			}
		})
	}
	// A bad full-text query fails before anything is printed.
	for _, format := range []string{"table", "gdelt"} {
		r := mustRun(t, 1, "events", "--db", db, "--q", `"unbalanced`, "--format", format)
		if r.stdout != "" || !strings.HasPrefix(r.stderr, `dyad events: invalid query "\"unbalanced": `) {
			t.Errorf("--format %s: stdout %q, stderr %q; want only the query's error", format, r.stdout, r.stderr)
		}
	}
	// The dyad filters are for events only.
	r := mustRun(t, 2, "quotes", "--db", db, "--quad", "1")
	if !strings.Contains(r.stderr, "quad") {
		t.Errorf("quotes --quad: stderr %q, want it to name the flag", r.stderr)
	}
}

func TestQueryEventsGDELT(t *testing.T) {
	db := storeEvents(t)
	r := mustRun(t, 0, "events", "--db", db, "--format", "gdelt")
	rows := lines(r.stdout)
	if len(rows) != 4 {
		t.Fatalf("gdelt: %d rows, want 4:\n%s", len(rows), r.stdout)
	}
	byCode := map[string][]string{}
	for _, row := range rows {
		cols := strings.Split(row, "\t")
		if len(cols) != 61 {
			t.Fatalf("row with %d columns, want 61: %q", len(cols), row)
		}
		byCode[cols[26]] = cols // EventCode
	}
	visit := byCode["042"]
	for i, want := range map[int]string{
		1: "20260126", 2: "202601", 3: "2026", 4: "2026.1534",
		5: "ISRGOV", 6: "Israeli government", 7: "ISR", 12: "GOV",
		15: "AZEGOV", 17: "AZE", 27: "042", 28: "04", 29: "1", 30: "1.9", 31: "1", 32: "1", 33: "1",
		60: "https://harbor.example/visit",
	} {
		if visit[i] != want {
			t.Errorf("visit column %d (%s) = %q, want %q", i+1, render.GDELTColumns[i], visit[i], want)
		}
	}
	if visit[0] == "" || visit[0] == byCode["051"][0] {
		t.Errorf("GLOBALEVENTID %q: want a distinct number per event", visit[0])
	}
	// An undated event takes its article's date.
	if accuse := byCode["112"]; accuse[1] != "20260210" || accuse[60] != "https://andes.example/truce" {
		t.Errorf("accusation SQLDATE %q, SOURCEURL %q; want the article's date and URL", accuse[1], accuse[60])
	}
	if got := lines(mustRun(t, 0, "events", "--db", db, "--format", "gdelt", "--quad", "4").stdout); len(got) != 1 {
		t.Errorf("gdelt --quad 4: %d rows, want 1", len(got))
	}
}
