package source

import (
	"strings"
	"testing"

	"dyad"
)

func TestJSONL(t *testing.T) {
	in := strings.Join([]string{
		`{"url":"https://www.example.com/1","title":"One","text":"Text one.","published":"2026-01-26","outlet":"Example","lang":"en","byline":"A. Writer"}`,
		``,
		`{"title":"Two","text":"Text two.\r\nSecond line.","date":"26 January 2026","source":"Other"}`,
		`{"title":"Three","html":"<html lang=\"az\"><head><meta property=\"og:site_name\" content=\"Page\"></head><body><p>Text three.</p><p>More.</p></body></html>"}`,
		`{"title":"Four"}`,
		`{"text": 5}`,
		`[1, 2]`,
		`{"text":"Six.","published":"soon"}`,
		`{"text":"Seven.", "extra": {"ignored": true}}`,
		`   `,
	}, "\n")
	items := read(t, write(t, t.TempDir(), "a.ndjson", in), Options{})
	type result struct {
		input string
		a     dyad.Article
		err   string
	}
	want := []result{
		{input: ":1", a: dyad.Article{URL: "https://www.example.com/1", Title: "One", Text: "Text one.", Published: date("2026-01-26T00:00:00Z"),
			Outlet: "Example", Lang: "en", Byline: "A. Writer"}},
		{input: ":3", a: dyad.Article{Title: "Two", Text: "Text two.\nSecond line.", Published: date("2026-01-26T00:00:00Z"), Outlet: "Other"}},
		{input: ":4", a: dyad.Article{Title: "Three", Text: "Text three.\nMore.", Outlet: "Page", Lang: "az"}},
		{input: ":5", err: "no text"},
		{input: ":6", err: "invalid JSON: text is a number, not a string"},
		{input: ":7", err: "invalid JSON: not an object"},
		{input: ":8", err: `unrecognized published date "soon"`},
		{input: ":9", a: dyad.Article{Text: "Seven."}},
	}
	if len(items) != len(want) {
		t.Fatalf("got %d items, want %d: %v", len(items), len(want), items)
	}
	for i, w := range want {
		it := items[i]
		if !strings.HasSuffix(it.Input, w.input) {
			t.Errorf("item %d: Input %q, want suffix %q", i, it.Input, w.input)
		}
		if w.err != "" {
			wantErr(t, it, w.err)
			continue
		}
		if it.Err != nil {
			t.Errorf("%s: %v", it.Input, it.Err)
			continue
		}
		w.a.ID = ArticleID(w.a.Text)
		if w.a.Outlet == "" {
			w.a.Outlet = hostOf(w.a.URL)
		}
		equalArticle(t, it.Article, w.a)
	}
}

func TestJSONLLines(t *testing.T) {
	dir := t.TempDir()
	long := `{"text":"` + strings.Repeat("x", 200) + `"}`
	in := `{"text":"One."}` + "\n" + long + "\n" + `{"text":"Three."}` // no final newline
	items := read(t, write(t, dir, "a.jsonl", in), Options{MaxBytes: 100})
	if len(items) != 3 || items[0].Err != nil || items[2].Err != nil || items[2].Article.Text != "Three." {
		t.Fatalf("got %v", items)
	}
	wantErr(t, items[1], "larger than the 100 bytes limit")

	// The limit holds per line, not for the whole file.
	many := strings.Repeat(`{"text":"A line of text."}`+"\n", 20)
	if items := read(t, write(t, dir, "b.jsonl", many), Options{MaxBytes: 100}); len(items) != 20 {
		t.Errorf("got %d items, want 20", len(items))
	}

	if it := one(t, write(t, dir, "bom.jsonl", "\xEF\xBB\xBF{\"text\":\"BOM.\"}\n"), Options{}); it.Err != nil {
		t.Errorf("JSON Lines with a byte order mark: %v", it.Err)
	}
	wantErr(t, one(t, write(t, dir, "c.jsonl", "\n\n  \n"), Options{}), "empty input")
	wantErr(t, one(t, write(t, dir, "d.jsonl", "{\"text\":\"a\x00b\"}"), Options{}), "binary content")
}
