package source

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"dyad"
	"dyad/text"
)

// read runs Read and checks what every reader promises of its items.
func read(t *testing.T, input string, opts Options) []Item {
	t.Helper()
	var items []Item
	Read(context.Background(), input, opts, func(it Item) {
		checkItem(t, it)
		items = append(items, it)
	})
	return items
}

// checkItem checks what every item promises: a one-line error, or an article
// with text and the ID of that text.
func checkItem(t testing.TB, it Item) {
	t.Helper()
	if it.Err != nil {
		msg := it.Err.Error()
		if msg == "" || strings.ContainsAny(msg, "\r\n") || !utf8.ValidString(msg) {
			t.Errorf("%s: bad error message %q", it.Input, msg)
		}
		if it.Article.ID != "" || it.Article.Text != "" {
			t.Errorf("%s: failure with an article: %+v", it.Input, it.Article)
		}
		return
	}
	a := it.Article
	if strings.TrimSpace(a.Text) == "" {
		t.Errorf("%s: article without text", it.Input)
	}
	if a.ID != ArticleID(a.Text) {
		t.Errorf("%s: ID %s, want ArticleID(Text) %s", it.Input, a.ID, ArticleID(a.Text))
	}
	if !utf8.ValidString(a.Text) || strings.Contains(a.Text, "\x00") || strings.Contains(a.Text, "\r\n") {
		t.Errorf("%s: text not clean UTF-8: %q", it.Input, a.Text)
	}
	if _, err := json.Marshal(a); err != nil {
		t.Errorf("%s: article cannot be encoded: %v", it.Input, err)
	}
	for _, s := range []string{a.Title, a.URL, a.Outlet, a.Byline, a.Lang} {
		if strings.ContainsAny(s, "\r\n") || !utf8.ValidString(s) {
			t.Errorf("%s: metadata not one line: %q", it.Input, s)
		}
	}
}

// one reads an input that must give exactly one item.
func one(t *testing.T, input string, opts Options) Item {
	t.Helper()
	items := read(t, input, opts)
	if len(items) != 1 {
		t.Fatalf("%s: got %d items, want 1: %v", input, len(items), items)
	}
	return items[0]
}

// write creates a file under dir and returns its path.
func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// wantErr checks that it failed with a message containing want.
func wantErr(t *testing.T, it Item, want string) {
	t.Helper()
	if it.Err == nil {
		t.Fatalf("%s: no error, want %q; article %+v", it.Input, want, it.Article)
	}
	if !strings.Contains(it.Err.Error(), want) {
		t.Fatalf("%s: error %q, want %q", it.Input, it.Err, want)
	}
}

func date(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestArticleID(t *testing.T) {
	id := ArticleID("Israel and  Azerbaijan\nsigned.")
	if len(id) != 16 || strings.Trim(id, "0123456789abcdef") != "" {
		t.Fatalf("ArticleID = %q, want 16 hex digits", id)
	}
	if id != ArticleID(" Israel and Azerbaijan signed. ") {
		t.Error("ArticleID differs for texts that differ only in spacing")
	}
	if ArticleID("Café") != ArticleID("Cafe\u0301") {
		t.Error("ArticleID differs for NFC and NFD forms")
	}
	if id == ArticleID("Israel and Azerbaijan signed!") {
		t.Error("ArticleID same for different texts")
	}
	_ = text.Normalize // the ID is defined over text.Normalize
}

func TestItemString(t *testing.T) {
	it := Item{Input: "a.txt", Err: errEmpty}
	if got := it.String(); got != "a.txt: empty input" {
		t.Errorf("String() = %q", got)
	}
	it = Item{Input: "a.txt", Article: dyad.Article{ID: "abc", Title: "T"}}
	if got := it.String(); got != `a.txt: abc "T"` {
		t.Errorf("String() = %q", got)
	}
}

func TestSniff(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want format
	}{
		{"", formatText},
		{"Israel and Azerbaijan", formatText},
		{"  \n{\"text\":\"x\"}\n", formatJSONL},
		{"\xEF\xBB\xBF{\"text\":\"x\"}", formatJSONL},
		{"<!DOCTYPE html><html><body>x</body></html>", formatHTML},
		{"<html><head><link type=application/rss+xml href=/feed></head>", formatHTML},
		{"<p>hello</p>", formatHTML},
		{`<?xml version="1.0"?><rss version="2.0"><channel>`, formatFeed},
		{`<?xml version="1.0"?>` + "\n<feed xmlns=\"http://www.w3.org/2005/Atom\">", formatFeed},
		{`<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">`, formatFeed},
		{`<div><feedback>x</feedback></div>`, formatHTML},
		{`<?xml version="1.0"?><sitemap/>`, formatHTML},
	} {
		if got := sniff([]byte(tt.in)); got != tt.want {
			t.Errorf("sniff(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, tt := range []struct {
		in, want string // want "" means no date
	}{
		{"2026-01-26T10:30:00+04:00", "2026-01-26T10:30:00+04:00"},
		{"2026-01-26T10:30:00Z", "2026-01-26T10:30:00Z"},
		{"2026-01-26T10:30:00", "2026-01-26T10:30:00Z"},
		{"2026-01-26", "2026-01-26T00:00:00Z"},
		{"Mon, 26 Jan 2026 10:30:00 GMT", "2026-01-26T10:30:00Z"},
		{"Mon, 26 Jan 2026 10:30:00 +0400", "2026-01-26T10:30:00+04:00"},
		{"January 26, 2026", "2026-01-26T00:00:00Z"},
		{"26 January 2026", "2026-01-26T00:00:00Z"},
		{"Jan 26, 2026", "2026-01-26T00:00:00Z"},
		{" 2026/01/26 ", "2026-01-26T00:00:00Z"},
		{"", ""},
		{"yesterday", ""},
		{"99999-01-01", ""},
	} {
		got, ok := parseDate(tt.in)
		if tt.want == "" {
			if ok {
				t.Errorf("parseDate(%q) = %v, want no date", tt.in, got)
			}
			continue
		}
		if !ok || !got.Equal(date(tt.want)) {
			t.Errorf("parseDate(%q) = %v, %v; want %s", tt.in, got, ok, tt.want)
		}
	}
}

func TestDirectory(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b.txt", "Title B\n\nText B.")
	write(t, dir, "a.html", "<html><body><p>Text A is here.</p></body></html>")
	write(t, dir, "sub/c.jsonl", `{"title":"C1","text":"Text C1."}`+"\n"+`{"title":"C2","text":"Text C2."}`)
	write(t, dir, "sub/d.rss", `<rss version="2.0"><channel><title>Feed</title><item><title>D</title><description>Text D.</description></item></channel></rss>`)
	write(t, dir, "notes.md", "not read")
	write(t, dir, "image.png", "\x89PNG\x00")
	write(t, dir, ".hidden.txt", "Hidden\n\nnot read")
	write(t, dir, ".git/e.txt", "Hidden\n\nnot read")
	write(t, dir, "empty.txt", "")

	var got []string
	for _, it := range read(t, dir, Options{}) {
		rel, _ := filepath.Rel(dir, it.Input)
		if it.Err != nil {
			got = append(got, rel+" "+it.Err.Error())
		} else {
			got = append(got, rel+" "+it.Article.Text)
		}
	}
	want := []string{
		"a.html Text A is here.",
		"b.txt Text B.",
		"empty.txt empty input",
		"sub/c.jsonl:1 Text C1.",
		"sub/c.jsonl:2 Text C2.",
		"sub/d.rss#1 Text D.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	empty := t.TempDir()
	write(t, empty, "x.pdf", "%PDF")
	wantErr(t, one(t, empty, Options{}), "no files to read")
}

func TestDirectoryCancelled(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "A\n\nText.")
	write(t, dir, "b.txt", "B\n\nText.")
	ctx, cancel := context.WithCancel(context.Background())
	var items []Item
	Read(ctx, dir, Options{}, func(it Item) {
		items = append(items, it)
		cancel()
	})
	if len(items) != 2 || items[0].Err != nil || items[1].Err == nil {
		t.Fatalf("got %v, want one article then a cancellation", items)
	}
}

func TestStdin(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		want     []string // Input and Text of each item, or Input and error
		max      int64
	}{
		{"text", "Title\n\nSome text.", []string{"- Some text."}, 0},
		{"html", "<html><body><p>Some text.</p></body></html>", []string{"- Some text."}, 0},
		{"jsonl", "{\"text\":\"One.\"}\n\n{\"text\":\"Two.\"}\n", []string{"-:1 One.", "-:3 Two."}, 0},
		{"feed", `<?xml version="1.0"?><rss version="2.0"><channel><item><description>One.</description></item></channel></rss>`, []string{"-#1 One."}, 0},
		{"empty", " \n ", []string{"- empty input"}, 0},
		{"binary", "abc\x00def", []string{"- binary content, not text"}, 0},
		{"utf16", "\xFF\xFET\x00i\x00t\x00l\x00e\x00\n\x00\n\x00T\x00e\x00x\x00t\x00.\x00", []string{"- Text."}, 0},
		{"too large", "Title\n\n" + strings.Repeat("x", 5000), []string{"- larger than the 4 KiB limit"}, 4 << 10},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, it := range read(t, "-", Options{Stdin: strings.NewReader(tt.in), MaxBytes: tt.max}) {
				if it.Err != nil {
					got = append(got, it.Input+" "+it.Err.Error())
				} else {
					got = append(got, it.Input+" "+it.Article.Text)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPublishedDefault(t *testing.T) {
	dir := t.TempDir()
	def := date("2026-01-01T00:00:00Z")
	it := one(t, write(t, dir, "a.txt", "T\n\nText."), Options{Published: def})
	if !it.Article.Published.Equal(def) {
		t.Errorf("Published = %v, want the default %v", it.Article.Published, def)
	}
	it = one(t, write(t, dir, "b.txt", "Date: 2026-01-26\n\nT\n\nText."), Options{Published: def})
	if !it.Article.Published.Equal(date("2026-01-26T00:00:00Z")) {
		t.Errorf("Published = %v, want the input's date", it.Article.Published)
	}
}

// TestBadInputs checks that each bad input gives one failure naming it and
// the reason.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name, file, content string
		opts                Options
		want                string
	}{
		{"empty file", "empty.txt", "", Options{}, "empty input"},
		{"blank file", "blank.html", " \n\t\n", Options{}, "empty input"},
		{"binary", "bin.txt", "GIF89a\x00\x01\x02", Options{}, "binary content, not text"},
		{"binary html", "bin.html", "<html>\x00\x00", Options{}, "binary content, not text"},
		{"latin-1 text", "latin1.txt", "Caf\xe9 au lait\n\nText.", Options{}, "not valid UTF-8"},
		{"html without text", "nav.html", "<html><head><title>T</title></head><body><img src=a.png></body></html>", Options{}, "no article text found"},
		{"truncated html without text", "trunc.html", "<html><head><title>T</title><scr", Options{}, "no article text found"},
		{"invalid feed", "bad.xml", "<rss version=\"2.0\"><channel><item><title>x</titl", Options{}, "invalid feed"},
		{"not a feed", "sitemap.xml", "<?xml version=\"1.0\"?><urlset></urlset>", Options{}, "invalid feed"},
		{"too large", "big.txt", "T\n\n" + strings.Repeat("x", 100), Options{MaxBytes: 64}, "larger than the 64 bytes limit"},
		{"too large default", "huge.txt", "T\n\n" + strings.Repeat("word ", 2<<20+1), Options{}, "larger than the 10 MiB limit"},
		{"headers only", "headers.txt", "Title: T\nURL: https://example.com/a\n", Options{}, "no text"},
		{"bad date header", "date.txt", "Date: someday\n\nT\n\nText.", Options{}, `unrecognized date in date header: "someday"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := write(t, dir, tt.file, tt.content)
			it := one(t, path, tt.opts)
			if it.Input != path {
				t.Errorf("Input = %q, want %q", it.Input, path)
			}
			wantErr(t, it, tt.want)
		})
	}

	t.Run("nonexistent path", func(t *testing.T) {
		path := filepath.Join(dir, "missing.txt")
		it := one(t, path, Options{})
		if it.Input != path || it.Err.Error() != "no such file" {
			t.Errorf("got %v, want %s: no such file", it, path)
		}
	})
	t.Run("jsonl with a broken line", func(t *testing.T) {
		path := write(t, dir, "broken.jsonl", "{\"text\":\"One.\"}\n{\"text\": \"Two.\n{\"text\":\"Three.\"}\n")
		items := read(t, path, Options{})
		if len(items) != 3 || items[0].Err != nil || items[2].Err != nil {
			t.Fatalf("got %v, want the good lines around a failure", items)
		}
		if items[1].Input != path+":2" {
			t.Errorf("Input = %q, want %s:2", items[1].Input, path)
		}
		wantErr(t, items[1], "invalid JSON")
	})
	t.Run("unsupported scheme", func(t *testing.T) {
		wantErr(t, one(t, "ftp://example.com/a.txt", Options{}), "unsupported URL scheme")
	})
}

func TestGuard(t *testing.T) {
	var got Item
	r := &reader{ctx: context.Background(), emit: func(it Item) { got = it }}
	r.guard("x", func() { panic("bug") })
	if got.Input != "x" || got.Err == nil || got.Err.Error() != "internal error: bug" {
		t.Errorf("a panic in a reader gave %v", got)
	}

	// A panic in emit is the caller's and goes on.
	defer func() {
		if p := recover(); p != "caller" {
			t.Errorf("recovered %v, want the caller's panic", p)
		}
	}()
	dir := t.TempDir()
	write(t, dir, "a.txt", "T\n\nText.")
	Read(context.Background(), dir, Options{}, func(Item) { panic("caller") })
	t.Error("emit's panic was swallowed")
}
