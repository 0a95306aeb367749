package main

import (
	"encoding/csv"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"dyad"
)

// Three short articles by three outlets on three days.
const (
	kenyaTitle = "Kenya seeks faster port talks"
	kenyaFile  = `URL: https://harbortimes.example/kenya-port
Outlet: Harbor Times
Date: 2026-03-02

Kenya seeks faster port talks
Kenyan Foreign Minister Amina Odhiambo said on Monday that the talks over the Lamu corridor must end this spring. "We will not wait another decade for this railway," Odhiambo told reporters in Mombasa.
`
	chileTitle = "Chile and Peru widen copper pact"
	chileText  = `Outlet: Andes Courier
Date: 2026-04-15

Chile and Peru widen copper pact
Chile and Peru signed a copper agreement on Wednesday that officials expect to add $2 billion in trade by next year. Negotiators met in Lima for three days.
`
	turkeyTitle = "Türkiye offers to host grain ceasefire talks"
	turkeyText  = `Outlet: Bosporus Review
Date: 2026-05-20

Türkiye offers to host grain ceasefire talks
Türkiye offered on Tuesday to host a new round of grain talks in Istanbul. Ankara is seeking a ceasefire along the shipping lanes before the harvest.
`
)

// writeArticles writes the three articles into dir.
func writeArticles(t *testing.T, dir string) {
	t.Helper()
	for name, text := range map[string]string{"kenya.txt": kenyaFile, "chile.txt": chileText, "turkey.txt": turkeyText} {
		writeFile(t, mkdirAll(t, dir), name, []byte(text))
	}
}

// storeArticles ingests the three articles into a new database and returns
// its path.
func storeArticles(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeArticles(t, filepath.Join(dir, "in"))
	db := filepath.Join(dir, "dyad.db")
	mustRun(t, 0, "ingest", "--db", db, filepath.Join(dir, "in"))
	return db
}

func titles(articles []dyad.Article) []string {
	out := []string{}
	for _, a := range articles {
		out = append(out, a.Title)
	}
	return out
}

func TestQueryArticles(t *testing.T) {
	db := storeArticles(t)
	tests := []struct {
		args []string
		want []string // titles, newest first
	}{
		{nil, []string{turkeyTitle, chileTitle, kenyaTitle}},
		{[]string{"--outlet", "Andes Courier"}, []string{chileTitle}},
		{[]string{"--outlet", "harbor times"}, []string{kenyaTitle}},
		{[]string{"--outlet", "Andes"}, []string{}},
		{[]string{"--since", "2026-04-15"}, []string{turkeyTitle, chileTitle}},
		{[]string{"--since", "2026-04-15T12:00:00Z"}, []string{turkeyTitle}},
		{[]string{"--until", "2026-04-15"}, []string{kenyaTitle}},
		{[]string{"--since", "2026-03-01", "--until", "2026-05-01"}, []string{chileTitle, kenyaTitle}},
		{[]string{"--q", "ceasefire"}, []string{turkeyTitle}},
		{[]string{"--q", "railway"}, []string{kenyaTitle}},
		{[]string{"--q", "copper OR grain"}, []string{turkeyTitle, chileTitle}},
		{[]string{"--q", "submarine"}, []string{}},
		{[]string{"--actor", "KEN"}, []string{kenyaTitle}},
		{[]string{"--actor", "TUR"}, []string{turkeyTitle}},
		{[]string{"--actor", "tur"}, []string{turkeyTitle}},
		{[]string{"--actor", "TURGOV"}, []string{turkeyTitle}},
		{[]string{"--actor", "amina-odhiambo"}, []string{kenyaTitle}},
		{[]string{"--actor", "Amina Odhiambo"}, []string{kenyaTitle}},
		{[]string{"--actor", "CHL"}, []string{chileTitle}},
		{[]string{"--actor", "TUR", "--since", "2026-06-01"}, []string{}},
		{[]string{"--limit", "1"}, []string{turkeyTitle}},
		{[]string{"--limit", "2", "--until", "2026-05-01"}, []string{chileTitle, kenyaTitle}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got := titles(listJSON[dyad.Article](t, db, "articles", tt.args...))
			if !slices.Equal(got, tt.want) {
				t.Errorf("titles %q, want %q", got, tt.want)
			}
		})
	}

	// The stored article keeps the metadata of its file.
	all := listJSON[dyad.Article](t, db, "articles", "--outlet", "Harbor Times")
	if len(all) != 1 || all[0].URL != "https://harbortimes.example/kenya-port" || all[0].Published.Format("2006-01-02") != "2026-03-02" {
		t.Errorf("Kenya article %+v, want its URL and date", all)
	}

	// The default table has a header and one row per article.
	r := mustRun(t, 0, "articles", "--db", db, "--actor", "KEN")
	rows := lines(r.stdout)
	if len(rows) != 2 || !strings.HasPrefix(rows[0], "ID") || !strings.Contains(rows[0], "PUBLISHED") || !strings.Contains(rows[1], kenyaTitle) {
		t.Errorf("table:\n%s\nwant a header and the Kenya article", r.stdout)
	}
}

func TestQueryActorsCSV(t *testing.T) {
	db := storeArticles(t)
	r := mustRun(t, 0, "actors", "--db", db, "--format", "csv")
	records, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, r.stdout)
	}
	header := []string{"id", "code", "name", "kind", "role", "articles", "mentions"}
	if len(records) == 0 || !slices.Equal(records[0], header) {
		t.Fatalf("CSV %q, want the header %q first", records, header)
	}
	byID := map[string][]string{}
	for _, rec := range records[1:] {
		if _, dup := byID[rec[0]]; dup {
			t.Errorf("actor %s listed twice", rec[0])
		}
		byID[rec[0]] = rec
	}
	for _, want := range [][]string{
		{"amina-odhiambo", "KENGOV", "Amina Odhiambo", "person", "foreign minister", "1"},
		{"KEN", "KEN", "Kenya", "country", "", "1"},
		{"TUR", "TUR", "Türkiye", "country", "", "1"},
		{"TURGOV", "TURGOV", "Government of Türkiye", "government", "", "1"},
		{"CHL", "CHL", "Chile", "country", "", "1"},
	} {
		got, ok := byID[want[0]]
		if !ok || !slices.Equal(got[:6], want) {
			t.Errorf("row %q, want %q", got, want)
		}
	}
	// Rows are by articles, then by mentions, most first.
	count := func(rec []string) (articles, mentions int) {
		a, err1 := strconv.Atoi(rec[5])
		m, err2 := strconv.Atoi(rec[6])
		if err1 != nil || err2 != nil {
			t.Errorf("row %q: counts are not numbers", rec)
		}
		return a, m
	}
	for i := 2; i < len(records); i++ {
		a1, m1 := count(records[i-1])
		a2, m2 := count(records[i])
		if a1 < a2 || a1 == a2 && m1 < m2 {
			t.Errorf("row %q comes before %q", records[i-1], records[i])
		}
	}
	// Filtered by actor, only Türkiye and its government.
	var ids []string
	for _, a := range listJSON[dyad.ActorSummary](t, db, "actors", "--actor", "TUR") {
		ids = append(ids, a.ID)
	}
	slices.Sort(ids)
	if !slices.Equal(ids, []string{"TUR", "TURGOV"}) {
		t.Errorf("actors --actor TUR: %q, want TUR, TURGOV", ids)
	}
}

func TestQueryQuotes(t *testing.T) {
	db := storeArticles(t)
	for _, actor := range []string{"amina-odhiambo", "KENGOV", "KEN", "Amina Odhiambo"} {
		t.Run(actor, func(t *testing.T) {
			quotes := listJSON[dyad.QuoteRecord](t, db, "quotes", "--actor", actor)
			if len(quotes) == 0 {
				t.Fatal("no quotes")
			}
			for _, q := range quotes {
				if q.Speaker.Actor != "amina-odhiambo" || q.Outlet != "Harbor Times" || q.Published.Format("2006-01-02") != "2026-03-02" {
					t.Errorf("quote %+v, want Amina Odhiambo's in Harbor Times of 2026-03-02", q)
				}
			}
			if !slices.ContainsFunc(quotes, func(q dyad.QuoteRecord) bool {
				return q.Direct && q.Cue == "told" && q.Text == "We will not wait another decade for this railway"
			}) {
				t.Errorf("quotes %+v lack the direct one", quotes)
			}
		})
	}
	if quotes := listJSON[dyad.QuoteRecord](t, db, "quotes", "--actor", "TUR"); len(quotes) != 0 {
		t.Errorf("quotes --actor TUR: %+v, want none", quotes)
	}
	r := mustRun(t, 0, "quotes", "--db", db, "--format", "csv", "--limit", "1")
	if rows := lines(r.stdout); len(rows) != 2 || !strings.HasPrefix(rows[0], "published,outlet,speaker,code,direct,cue,text,article") {
		t.Errorf("quotes --format csv --limit 1:\n%s\nwant a header and one row", r.stdout)
	}
}

func TestQueryFigures(t *testing.T) {
	db := storeArticles(t)
	figures := listJSON[dyad.FigureRecord](t, db, "figures")
	if len(figures) != 1 {
		t.Fatalf("figures %+v, want one", figures)
	}
	f := figures[0]
	if f.Value != 2000000000 || f.Unit != "USD" || f.Text != "$2 billion" || f.Quantity != "trade" || f.Outlet != "Andes Courier" {
		t.Errorf("figure %+v, want $2 billion = 2000000000 USD of trade in Andes Courier", f)
	}
	if !slices.Contains(f.Actors, "CHL") || !slices.Contains(f.Actors, "PER") {
		t.Errorf("figure actors %q, want CHL and PER", f.Actors)
	}
	if got := listJSON[dyad.FigureRecord](t, db, "figures", "--actor", "CHL"); len(got) != 1 {
		t.Errorf("figures --actor CHL: %d, want 1", len(got))
	}
	for _, args := range [][]string{{"--actor", "TUR"}, {"--outlet", "Harbor Times"}, {"--since", "2026-05-01"}} {
		if got := listJSON[dyad.FigureRecord](t, db, "figures", args...); len(got) != 0 {
			t.Errorf("figures %v: %+v, want none", args, got)
		}
	}
}

func TestQueryEmptyStore(t *testing.T) {
	db := newDB(t)
	for _, command := range []string{"articles", "actors", "quotes", "figures"} {
		r := mustRun(t, 0, command, "--db", db, "--format", "json")
		if strings.TrimSpace(r.stdout) != "[]" {
			t.Errorf("%s on an empty store: %q, want []", command, r.stdout)
		}
	}
}
