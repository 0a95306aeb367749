package source

import (
	"testing"
	"time"

	"dyad"
)

func TestText(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		want     dyad.Article
	}{
		{
			name: "title and text",
			in:   "Saar visits Baku\n\nIsrael's foreign minister arrived.\n\nHe met the president.\n",
			want: dyad.Article{Title: "Saar visits Baku", Text: "Israel's foreign minister arrived.\n\nHe met the president."},
		},
		{
			name: "headers",
			in: "URL: https://www.example.com/news/1\ndate: 2026-01-26\nOutlet: Example News\nLang: en\nByline: A. Writer\n\n" +
				"Saar visits Baku\nIsrael's foreign minister arrived.",
			want: dyad.Article{URL: "https://www.example.com/news/1", Published: date("2026-01-26T00:00:00Z"), Outlet: "Example News",
				Lang: "en", Byline: "A. Writer", Title: "Saar visits Baku", Text: "Israel's foreign minister arrived."},
		},
		{
			name: "title header keeps the first line as text",
			in:   "Title: Saar visits Baku\nPublished: January 26, 2026\nFirst line.\nSecond line.",
			want: dyad.Article{Title: "Saar visits Baku", Published: date("2026-01-26T00:00:00Z"), Text: "First line.\nSecond line."},
		},
		{
			name: "header ended by a blank line",
			in:   "Outlet: X\n\nTitle: not a header\nText.",
			want: dyad.Article{Outlet: "X", Title: "Title: not a header", Text: "Text."},
		},
		{
			name: "unknown key is text",
			in:   "Note: this is text\nMore text.",
			want: dyad.Article{Title: "Note: this is text", Text: "More text."},
		},
		{
			name: "outlet from URL host",
			in:   "URL: https://www.news.example.org:8080/a\n\nT\nText.",
			want: dyad.Article{URL: "https://www.news.example.org:8080/a", Outlet: "news.example.org", Title: "T", Text: "Text."},
		},
		{
			name: "single line is text",
			in:   "  Israel and Azerbaijan signed a deal.  \n",
			want: dyad.Article{Text: "Israel and Azerbaijan signed a deal."},
		},
		{
			name: "CRLF and BOM",
			in:   "\xEF\xBB\xBFTitle: T\r\n\r\nLine one.\r\nLine  two.\r\n",
			want: dyad.Article{Title: "T", Text: "Line one.\nLine  two."},
		},
		{
			name: "bytes kept",
			in:   "T\n\n  Indented\ttab,  double  space,\n\n\nthree breaks — Türkiye’s “quote”.  ",
			want: dyad.Article{Title: "T", Text: "Indented\ttab,  double  space,\n\n\nthree breaks — Türkiye’s “quote”."},
		},
		{
			name: "RFC1123 date with zone",
			in:   "Date: Mon, 26 Jan 2026 10:30:00 +0400\n\nT\nText.",
			want: dyad.Article{Published: time.Date(2026, 1, 26, 10, 30, 0, 0, time.FixedZone("", 4*3600)), Title: "T", Text: "Text."},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			it := one(t, write(t, t.TempDir(), "a.txt", tt.in), Options{})
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			tt.want.ID = ArticleID(tt.want.Text)
			equalArticle(t, it.Article, tt.want)
		})
	}
}

// equalArticle compares articles, dates by the instant.
func equalArticle(t *testing.T, got, want dyad.Article) {
	t.Helper()
	if !got.Published.Equal(want.Published) {
		t.Errorf("Published = %v, want %v", got.Published, want.Published)
	}
	got.Published, want.Published = time.Time{}, time.Time{}
	if got != want {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestTextSniffed(t *testing.T) {
	dir := t.TempDir()
	it := one(t, write(t, dir, "README", "Title\n\nSome text."), Options{})
	if it.Err != nil || it.Article.Title != "Title" {
		t.Errorf("got %v", it)
	}
}
