package source

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"dyad"
)

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Example News</title>
<link>https://example.com/</link>
<language>en</language>
<item>
  <title>Sa'ar visits Baku</title>
  <link>https://example.com/1</link>
  <pubDate>Mon, 26 Jan 2026 10:00:00 +0000</pubDate>
  <dc:creator>Jane Doe</dc:creator>
  <description>Short summary.</description>
  <content:encoded><![CDATA[<p>Full text, first paragraph.</p><p>Second &amp; last.</p>]]></content:encoded>
</item>
<item>
  <title>Trade grows</title>
  <link>/2</link>
  <description>&lt;p&gt;Trade reached &lt;b&gt;$360 million&lt;/b&gt;.&lt;/p&gt;</description>
</item>
<item>
  <title>Empty</title>
</item>
</channel>
</rss>`

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="az">
  <title>Atom News</title>
  <entry>
    <title>Visit</title>
    <link href="https://example.org/visit"/>
    <published>2026-01-26T08:00:00Z</published>
    <author><name>A. Writer</name></author>
    <content type="html">&lt;p&gt;Atom text.&lt;/p&gt;</content>
  </entry>
</feed>`

func TestFeed(t *testing.T) {
	dir := t.TempDir()
	path := write(t, dir, "news.rss", rss)
	items := read(t, path, Options{})
	if len(items) != 3 {
		t.Fatalf("got %d items, want 3: %v", len(items), items)
	}
	equalArticle(t, items[0].Article, dyad.Article{
		ID: ArticleID("Full text, first paragraph.\nSecond & last."), URL: "https://example.com/1", Outlet: "Example News",
		Title: "Sa'ar visits Baku", Byline: "Jane Doe", Published: date("2026-01-26T10:00:00Z"), Lang: "en",
		Text: "Full text, first paragraph.\nSecond & last.",
	})
	if items[0].Input != path+"#1" || items[2].Input != path+"#3" {
		t.Errorf("Inputs %q, %q; want %s#1, %s#3", items[0].Input, items[2].Input, path, path)
	}
	if a := items[1].Article; a.Text != "Trade reached $360 million." || a.URL != "/2" {
		t.Errorf("item 2: %+v", a)
	}
	wantErr(t, items[2], "no text")

	it := one(t, write(t, dir, "news.atom", atomFeed), Options{})
	equalArticle(t, it.Article, dyad.Article{
		ID: ArticleID("Atom text."), URL: "https://example.org/visit", Outlet: "Atom News", Title: "Visit",
		Byline: "A. Writer", Published: date("2026-01-26T08:00:00Z"), Lang: "az", Text: "Atom text.",
	})

	wantErr(t, one(t, write(t, dir, "none.xml", `<rss version="2.0"><channel><title>x</title></channel></rss>`), Options{}), "feed has no items")
}

func TestFeedFollow(t *testing.T) {
	resetRobots()
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>Feed Title</title>
<item><title>Item one</title><link>%[1]s/a</link><pubDate>Mon, 26 Jan 2026 10:00:00 GMT</pubDate><description>Summary.</description></item>
<item><title>Item two</title><link>/missing</link><description>Summary.</description></item>
<item><title>Item three</title><description>No link.</description></item>
<item><title>Item four</title><link>/feed</link></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page(`<title>Page title</title><meta property="og:site_name" content="Site">`, article))
	})
	items := read(t, srv.URL+"/feed", Options{Follow: true, AllowPrivate: true})
	if len(items) != 4 {
		t.Fatalf("got %d items, want 4: %v", len(items), items)
	}
	a := items[0].Article
	if items[0].Err != nil || a.Title != "Item one" || a.Outlet != "Site" || a.URL != srv.URL+"/a" ||
		!a.Published.Equal(date("2026-01-26T10:00:00Z")) || !strings.HasPrefix(a.Text, "Israel's Foreign Minister") {
		t.Errorf("followed item: %v %+v", items[0].Err, a)
	}
	if items[1].Input != srv.URL+"/feed#2" {
		t.Errorf("Input = %q", items[1].Input)
	}
	wantErr(t, items[1], "HTTP 404 Not Found")
	wantErr(t, items[2], "item has no link to follow")
	wantErr(t, items[3], "linked page is a feed, not an article")
}
