package postgres

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"dyad"
	"dyad/postgres/postgrestest"
	"dyad/sqlite"
)

// TestParseQuery checks the compiled condition of well-formed queries and
// the reason given for malformed ones.
func TestParseQuery(t *testing.T) {
	for _, tt := range []struct {
		q, want string
	}{
		{"pact", "(a.fts_title @@ phraseto_tsquery('dyad', $1) OR a.fts_text @@ phraseto_tsquery('dyad', $1))"},
		{`"fisheries pact"`, "(a.fts_title @@ phraseto_tsquery('dyad', $1) OR a.fts_text @@ phraseto_tsquery('dyad', $1))"},
		{"title:pact", "(a.fts_title @@ phraseto_tsquery('dyad', $1))"},
		{"-title:pact", "(a.fts_text @@ phraseto_tsquery('dyad', $1))"},
		{"{Title TEXT}:pact", "(a.fts_title @@ phraseto_tsquery('dyad', $1) OR a.fts_text @@ phraseto_tsquery('dyad', $1))"},
		{"title:(text:pact)", "false"},
		{"a b OR c", "(((T $1) AND (T $2)) OR (T $3))"},
		{"a OR b c", "((T $1) OR ((T $2) AND (T $3)))"},
		{"a AND b NOT c", "((T $1) AND ((T $2) AND NOT (T $3)))"},
		{"a NOT b NOT c", "(((T $1) AND NOT (T $2)) AND NOT (T $3))"},
		{"(a OR b) AND c", "(((T $1) OR (T $2)) AND (T $3))"},
		{"title:(a OR b)", "((a.fts_title @@ phraseto_tsquery('dyad', $1)) OR (a.fts_title @@ phraseto_tsquery('dyad', $2)))"},
		{"and or not", "(((T $1) AND (T $2)) AND (T $3))"}, // lowercase: words
		{"a + b", "(a.fts_title @@ tsquery_phrase(phraseto_tsquery('dyad', $1), phraseto_tsquery('dyad', $2)) OR " +
			"a.fts_text @@ tsquery_phrase(phraseto_tsquery('dyad', $1), phraseto_tsquery('dyad', $2)))"},
		{"title:^pact", "(numnode(phraseto_tsquery('dyad', $1)) > 0 AND (a.fts_title @@ tsquery_phrase($$' ^'$$::tsquery, phraseto_tsquery('dyad', $1))))"},
		{"scien*", "(a.fts_title @@ regexp_replace(phraseto_tsquery('dyad', $1)::text, '''$', ''':*')::tsquery OR " +
			"a.fts_text @@ regexp_replace(phraseto_tsquery('dyad', $1)::text, '''$', ''':*')::tsquery)"},
	} {
		n, err := parseQuery(tt.q)
		if err != nil {
			t.Errorf("parseQuery(%q): %v", tt.q, err)
			continue
		}
		var args []any
		got := n.sql(func(v any) string { args = append(args, v); return fmt.Sprintf("$%d", len(args)) })
		if abbrev(got) != abbrev(tt.want) {
			t.Errorf("parseQuery(%q) compiles to\n%s\nwant\n%s", tt.q, abbrev(got), abbrev(tt.want))
		}
	}

	for _, tt := range []struct{ q, want string }{
		{`"unbalanced`, "unterminated string"},
		{"pact AND", `fts5: syntax error near ""`},
		{"AND pact", `fts5: syntax error near "AND"`},
		{"NEAR(", `fts5: syntax error near ""`},
		{"NEAR(a b, x)", `expected integer, got "x"`},
		{"NEAR(a b c)", "NEAR groups of more than two phrases are not supported by the PostgreSQL store"},
		{"NEAR(a b, 101)", "NEAR distances over 100 are not supported by the PostgreSQL store"},
		{"nosuchcolumn:pact", "no such column: nosuchcolumn"},
		{"a-b", "no such column: b"},
		{"U.S.", `fts5: syntax error near "."`},
		{"(a) b", `fts5: syntax error near "b"`},
		{"a (b)", `fts5: syntax error near "a"`},
		{"()", `fts5: syntax error near ")"`},
		{"{}:a", `fts5: syntax error near "}"`},
		{"a:", "no such column: a"},
		{" ", `fts5: syntax error near ""`},
		{"* nosuch", "unknown special query: nosuch"},
		{"*", "unknown special query:"},
	} {
		_, err := parseQuery(tt.q)
		if err == nil || err.Error() != tt.want {
			t.Errorf("parseQuery(%q) error = %v, want %s", tt.q, err, tt.want)
		}
	}
}

// abbrev writes "(T $n)" for a phrase $n matched in either column.
func abbrev(cond string) string {
	for i := 9; i >= 1; i-- {
		p := fmt.Sprintf("$%d", i)
		cond = strings.ReplaceAll(cond,
			"(a.fts_title @@ phraseto_tsquery('dyad', "+p+") OR a.fts_text @@ phraseto_tsquery('dyad', "+p+"))", "(T "+p+")")
	}
	return cond
}

// TestQueryLikeSQLite runs queries on the same articles in this store and
// in the sqlite one: both must find the same articles, or both reject the
// query. The queries cover the FTS5 syntax the PostgreSQL store supports
// and the tokenizations both share (see fts.go for what differs); the
// errors must read the same.
func TestQueryLikeSQLite(t *testing.T) {
	ctx := context.Background()
	pg := open(t, postgrestest.NewDatabase(t))
	defer pg.Close()
	lite, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()

	// Short texts written for this test.
	docs := []struct{ title, text string }{
		{"Ministers meet in Oslo", "The foreign ministers of Norway and Chile met on Monday and signed a fisheries pact."},
		{"Peru protests the pact", "Peru said it was not consulted. The government protested the fisheries agreement."},
		{"UN welcomes research plan", "The United Nations welcomed a plan for Arctic research stations and scientists."},
		{"Café talks in São Paulo", "Négociations resumed at a café; the talks were running late, officials said."},
		{"Trade and tourism", "Trade rose to 360 million dollars and tourists arrived on weekly flights."},
		{"Research on research", "Researchers researched the research of other researchers in the Arctic."},
	}
	for i, d := range docs {
		a := &dyad.Analysis{Article: dyad.Article{
			ID: fmt.Sprintf("d%015d", i), Title: d.title, Text: d.text,
			Published: time.Date(2026, 3, 1+i, 0, 0, 0, 0, time.UTC),
		}}
		for _, s := range []dyad.Store{pg, lite} {
			if _, err := s.Put(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
	}
	found := 0
	for _, q := range []string{
		"pact", "PACT", "Pact pact", "pacts", "running", "run", "protested", "protest", "researchers",
		`"fisheries pact"`, `"pact fisheries"`, `"signed a fisheries pact"`, `"the"`, "the", "a",
		"fisheries + pact", `"fisheries" + "pact"`, "pact OR trade", "pact AND peru", "pact NOT peru",
		"pact peru OR trade", "trade OR pact peru", "(trade OR pact) peru", "pact AND (peru OR oslo)",
		"NOT", "OR", "pact OR", "OR pact", "pact NOT", "(pact", "pact)", `pact "`, "pact*", "sci*", "re*", "resea*",
		`"fisheries pa"*`, "title:pact", "text:pact", "title:oslo", "-title:oslo", "{title text}:oslo", "TITLE:oslo",
		"title:(pact OR research)", "title:pact peru", "title:pact text:consulted", "nosuch:pact", "title:",
		"cafe", "café", "sao", "São", "Paulo", "negociations", "Négociations", `"Sao Paulo"`,
		"360", "million", `"360 million"`, "weekly", "flight", "tourist", "Oslo Norway", "ministers Oslo",
		"research", `"research plan"`, `"plan for"`, "welcomes research", "arctic NOT scientists",
		"a-b", "U.S.", "x:y:z", "*", "*reads", "*id", " *id", "+", "pact +", "^pact", "^peru", "^ministers", `^"ministers meet"`, "^meet", "title:^trade", "text:^trade", `^""`, `^"..."`,
		"^ministers OR ^trade", "^", "^^pact", "pact ^", "NEAR(pact peru)", "NEAR(fisheries pact, 0)", "NEAR(pact fisheries, 0)", "NEAR(ministers signed)",
		"NEAR(ministers signed, 9)", "NEAR(ministers signed, 8)", "NEAR(ministers signed, 7)", `NEAR("foreign ministers" pact, 8)`,
		`NEAR("foreign ministers" pact, 7)`, "NEAR(pact)", "NEAR(pact, 0)", "title:NEAR(meet oslo, 1)", "NEAR(meet oslo, 0)",
		"NEAR(trade tour*, 5)", "NEAR(arctic research, 0)", "NEAR(research arctic, 1)", "NEAR(stations arctic, 1)", "NEAR(scientists arctic, 3)", "NEAR(research research, 0)", "NEAR(pact a b)", "NEAR(", "pact,", "{", "{title", "-",
		"\"unbalanced", "pact AND", "NEAR", "near", "and", "or", "not",
	} {
		f := dyad.Filter{Query: q}
		want, werr := lite.Articles(ctx, f)
		got, gerr := pg.Articles(ctx, f)
		ids := func(as []dyad.Article) []string {
			var out []string
			for _, a := range as {
				out = append(out, a.ID)
			}
			return out
		}
		switch {
		case werr != nil && gerr != nil:
			if !errors.Is(gerr, dyad.ErrInvalidQuery) || gerr.Error() != werr.Error() {
				t.Errorf("Query %q: PostgreSQL error %q (ErrInvalidQuery: %v), SQLite %q",
					q, gerr, errors.Is(gerr, dyad.ErrInvalidQuery), werr)
			}
		case werr != nil || gerr != nil:
			// NEAR is the documented difference.
			if !strings.Contains(fmt.Sprint(gerr), "not supported by the PostgreSQL store") {
				t.Errorf("Query %q: SQLite %v, %v; PostgreSQL %v, %v", q, ids(want), werr, ids(got), gerr)
			}
		case !slices.Equal(ids(want), ids(got)):
			t.Errorf("Query %q: SQLite found %v, PostgreSQL %v", q, ids(want), ids(got))
		case len(got) > 0:
			found++
		}
	}
	// Most queries find something: agreeing on nothing proves nothing.
	if found < 40 {
		t.Errorf("only %d queries found articles in both stores", found)
	}
}
