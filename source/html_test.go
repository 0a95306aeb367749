package source

import (
	"strings"
	"testing"

	"dyad"
)

const article = `<p>Israel's Foreign Minister Gideon Sa'ar arrived in Baku on Monday for talks with President Ilham Aliyev,
his office said, in a visit both sides described as a pillar of stability in the region.</p>
<p>Trade between the two countries reached over $360 million last year, and there are now 20 weekly flights
between Tel Aviv and Baku, officials said.</p>
<p>"Our partnership is one of the pillars of stability," Aliyev said at a joint press conference after the meeting.</p>`

func page(head, body string) string {
	return "<!DOCTYPE html><html lang=\"en\"><head>" + head + "</head><body>" +
		`<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>` +
		"<article>" + body + "</article>" +
		`<footer><p>Copyright Example News. All rights reserved.</p></footer></body></html>`
}

func TestHTML(t *testing.T) {
	text := "Israel's Foreign Minister Gideon Sa'ar arrived in Baku on Monday for talks with President Ilham Aliyev, his office said, in a visit both sides described as a pillar of stability in the region.\n" +
		"Trade between the two countries reached over $360 million last year, and there are now 20 weekly flights between Tel Aviv and Baku, officials said.\n" +
		"\"Our partnership is one of the pillars of stability,\" Aliyev said at a joint press conference after the meeting."
	for _, tt := range []struct {
		name, in string
		want     dyad.Article
	}{
		{
			name: "open graph",
			in: page(`<title>Sa'ar in Baku | Example News</title>
<meta property="og:title" content="Sa'ar visits Baku">
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://example.com/sa-ar-baku">
<meta property="article:published_time" content="2026-01-26T10:00:00+04:00">
<meta name="author" content="Jane Doe">`, article),
			want: dyad.Article{Title: "Sa'ar visits Baku", Outlet: "Example News", URL: "https://example.com/sa-ar-baku",
				Published: date("2026-01-26T10:00:00+04:00"), Byline: "Jane Doe", Lang: "en", Text: text},
		},
		{
			name: "title element, meta date, canonical",
			in: page(`<title>Sa'ar visits Baku</title><meta name="DC.date" content="2026-01-26">
<link rel="canonical" href="https://www.example.com/a">`, article),
			want: dyad.Article{Title: "Sa'ar visits Baku", Outlet: "example.com", URL: "https://www.example.com/a",
				Published: date("2026-01-26T00:00:00Z"), Lang: "en", Text: text},
		},
		{
			name: "json-ld date",
			in: page(`<title>T</title><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
{"@type":"NewsArticle","headline":"T","datePublished":"2026-01-25T08:00:00Z"}]}</script>`, article),
			want: dyad.Article{Title: "T", Published: date("2026-01-25T08:00:00Z"), Lang: "en", Text: text},
		},
		{
			name: "time element",
			in:   page(`<title>T</title>`, `<p class="meta">By staff, <time datetime="2026-01-24">Saturday</time></p>`+article),
			want: dyad.Article{Title: "T", Published: date("2026-01-24T00:00:00Z"), Lang: "en", Text: "By staff, Saturday\n" + text},
		},
		{
			name: "pubdate meta",
			in:   page(`<title>T</title><meta name="pubdate" content="January 23, 2026">`, article),
			want: dyad.Article{Title: "T", Published: date("2026-01-23T00:00:00Z"), Lang: "en", Text: text},
		},
		{
			name: "paragraphs and breaks on their own lines",
			in:   `<html><body><div><p>One,<br>two.</p><div>Three.</div><ul><li>Four.</li><li>Five.</li></ul></div></body></html>`,
			want: dyad.Article{Text: "One,\ntwo.\nThree.\nFour.\nFive."},
		},
		{
			name: "truncated page",
			in:   `<html><head><title>T</title></head><body><p>Israel and Azerbaijan signed a deal on Monday, officials said in Ba`,
			want: dyad.Article{Title: "T", Text: "Israel and Azerbaijan signed a deal on Monday, officials said in Ba"},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			it := one(t, write(t, t.TempDir(), "a.html", tt.in), Options{})
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			tt.want.ID = ArticleID(tt.want.Text)
			equalArticle(t, it.Article, tt.want)
		})
	}
}

func TestHTMLCharset(t *testing.T) {
	body := "<p>" + strings.Repeat("La visite du ministre \xe0 Bakou a \xe9t\xe9 un succ\xe8s. ", 5) + "</p>"
	want := strings.TrimSpace(strings.Repeat("La visite du ministre à Bakou a été un succès. ", 5))
	for _, tt := range []struct{ name, in string }{
		{"meta charset", `<html><head><meta charset="iso-8859-1"><title>T</title></head><body>` + body + `</body></html>`},
		{"http-equiv", `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body>` + body + `</body></html>`},
		{"undeclared", `<html><head></head><body>` + body + `</body></html>`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			it := one(t, write(t, t.TempDir(), "a.htm", tt.in), Options{})
			if it.Err != nil || it.Article.Text != want {
				t.Errorf("got %q, %v; want %q", it.Article.Text, it.Err, want)
			}
		})
	}
	// UTF-8 whose first non-ASCII byte comes after charset's 1024-byte look.
	late := `<html><head></head><body><p>` + strings.Repeat("a", 2000) + ` Türkiye</p></body></html>`
	it := one(t, write(t, t.TempDir(), "late.html", late), Options{})
	if it.Err != nil || !strings.HasSuffix(it.Article.Text, " Türkiye") {
		t.Errorf("late UTF-8 decoded as %q, %v", it.Article.Text[len(it.Article.Text)-12:], it.Err)
	}
}
