package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"dyad"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

var errNoArticle = errors.New("no article text found")

// maxElements bounds the pages extracted: readability's cost grows faster
// than the page, and news pages have a few thousand elements.
const maxElements = 100_000

// parseHTML extracts the article in an HTML document. A page goes through
// readability, which finds the main text among menus, ads and comments; a
// page where it finds none fails. A fragment — a feed item's content — is
// the article already, so all its text is kept. contentType is the HTTP
// Content-Type, whose charset wins over the page's own declaration; base is
// the page's URL, if known, to resolve links against.
func parseHTML(data []byte, contentType string, base *url.URL, fragment bool) (dyad.Article, error) {
	doc, err := html.Parse(bytes.NewReader(decodeHTML(data, contentType)))
	if err != nil {
		// x/net/html refuses pages nested deeper than 512 elements.
		return dyad.Article{}, fmt.Errorf("invalid HTML: %s", strings.TrimPrefix(err.Error(), "html: "))
	}
	m := scanMeta(doc)
	if m.elements > maxElements {
		return dyad.Article{}, fmt.Errorf("page too large to extract: %d elements, limit %d", m.elements, maxElements)
	}
	a := dyad.Article{
		URL:       m.canonical(base),
		Outlet:    m.meta["og:site_name"],
		Title:     m.meta["og:title"],
		Byline:    m.byline(),
		Published: m.published(),
		Lang:      m.lang(),
	}
	node := doc
	if !fragment {
		art, err := readable(doc, base)
		if err != nil {
			return dyad.Article{}, err
		}
		a.Title = first(a.Title, art.Title())
		a.Outlet = first(a.Outlet, art.SiteName())
		a.Byline = first(art.Byline(), a.Byline)
		node = art.Node
	}
	a.Title = first(a.Title, m.title, m.h1)
	if node != nil {
		a.Text = textLines(render.InnerText(node))
	}
	if a.Text == "" {
		return dyad.Article{}, errNoArticle
	}
	return a, nil
}

// decodeHTML converts a page to UTF-8 from the charset its Content-Type,
// byte order mark or <meta> declares. Undeclared pages are UTF-8 if they are
// valid UTF-8 — charset only looks at the first 1024 bytes — and else
// Windows-1252, as browsers do.
func decodeHTML(data []byte, contentType string) []byte {
	enc, name, certain := charset.DetermineEncoding(data, contentType)
	if name == "utf-8" || !certain && name == "windows-1252" && utf8.Valid(data) {
		return data
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	return out
}

// readable runs readability, which has panicked on odd pages.
func readable(doc *html.Node, base *url.URL) (art readability.Article, err error) {
	defer catch("article extractor", &err)
	p := readability.NewParser()
	return p.ParseAndMutate(doc, base)
}

// textLines makes rendered text one paragraph per line — later stages split
// sentences at line breaks — with the lines trimmed and blank ones dropped.
func textLines(s string) string {
	var b strings.Builder
	for line := range strings.Lines(s) {
		if line = strings.TrimSpace(line); line != "" {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(line)
		}
	}
	return b.String()
}

// first returns the first of ss that is not blank.
func first(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// pageMeta is the metadata found in a page before readability strips it.
type pageMeta struct {
	elements int
	htmlLang string
	title    string            // <title>
	h1       string            // the first <h1>
	links    map[string]string // href of <link> by lower-cased rel
	meta     map[string]string // content of <meta> by lower-cased name, property or http-equiv
	itemDate string            // the first itemprop=datePublished
	timeDate string            // the first <time datetime>
	jsonLD   []string          // <script type="application/ld+json">
}

func scanMeta(doc *html.Node) *pageMeta {
	m := &pageMeta{links: map[string]string{}, meta: map[string]string{}}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			m.element(n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return m
}

func (m *pageMeta) element(n *html.Node) {
	m.elements++
	if v := attr(n, "itemprop"); strings.EqualFold(v, "datePublished") && m.itemDate == "" {
		m.itemDate = first(attr(n, "content"), attr(n, "datetime"), nodeText(n))
	}
	switch n.DataAtom {
	case atom.Html:
		if m.htmlLang == "" {
			m.htmlLang = attr(n, "lang")
		}
	case atom.Title:
		if m.title == "" {
			m.title = nodeText(n)
		}
	case atom.H1:
		if m.h1 == "" {
			m.h1 = nodeText(n)
		}
	case atom.Link:
		for rel := range strings.FieldsSeq(strings.ToLower(attr(n, "rel"))) {
			if _, seen := m.links[rel]; !seen {
				m.links[rel] = attr(n, "href")
			}
		}
	case atom.Meta:
		key := strings.ToLower(first(attr(n, "property"), attr(n, "name"), attr(n, "http-equiv")))
		if _, seen := m.meta[key]; key != "" && !seen {
			m.meta[key] = strings.TrimSpace(attr(n, "content"))
		}
	case atom.Time:
		if m.timeDate == "" {
			m.timeDate = attr(n, "datetime")
		}
	case atom.Script:
		if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
			m.jsonLD = append(m.jsonLD, nodeText(n))
		}
	}
}

// dateKeys are the <meta> keys that carry a publication date, in order of
// trust.
var dateKeys = []string{
	"article:published_time", "og:article:published_time", "datepublished",
	"date", "pubdate", "publishdate", "publish-date", "publish_date",
	"dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created",
	"dcterms.available", "parsely-pub-date", "sailthru.date", "article.published",
}

// published is the first date that parses of JSON-LD datePublished, the
// <meta> dates, itemprop=datePublished and <time datetime>.
func (m *pageMeta) published() time.Time {
	candidates := []string{}
	for _, s := range m.jsonLD {
		candidates = append(candidates, jsonLDDate(s))
	}
	for _, k := range dateKeys {
		candidates = append(candidates, m.meta[k])
	}
	candidates = append(candidates, m.itemDate, m.timeDate)
	for _, c := range candidates {
		if t, ok := parseDate(c); ok {
			return t
		}
	}
	return time.Time{}
}

// jsonLDDate finds a datePublished in a JSON-LD document, looking into
// @graph and nested objects in a fixed order, so the choice does not change
// between runs.
func jsonLDDate(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(strings.TrimPrefix(s, "<![CDATA["), "]]>")
	var v any
	if json.Unmarshal([]byte(s), &v) != nil {
		return ""
	}
	var find func(any) string
	find = func(v any) string {
		switch v := v.(type) {
		case map[string]any:
			if d, ok := v["datePublished"].(string); ok && d != "" {
				return d
			}
			for _, k := range slices.Sorted(maps.Keys(v)) {
				if d := find(v[k]); d != "" {
					return d
				}
			}
		case []any:
			for _, c := range v {
				if d := find(c); d != "" {
					return d
				}
			}
		}
		return ""
	}
	return find(v)
}

// canonical is the page's canonical URL, if it names an absolute http(s) one.
func (m *pageMeta) canonical(base *url.URL) string {
	for _, raw := range []string{m.links["canonical"], m.meta["og:url"]} {
		u, err := url.Parse(strings.TrimSpace(raw))
		if err != nil || raw == "" {
			continue
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		if (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return u.String()
		}
	}
	return ""
}

// byline is the author a <meta> names, unless it is a link to a profile.
func (m *pageMeta) byline() string {
	for _, k := range []string{"author", "dc.creator", "article:author"} {
		if v := m.meta[k]; v != "" && !strings.Contains(v, "://") {
			return v
		}
	}
	return ""
}

// lang is <html lang>, else Content-Language, else og:locale as a language
// tag (en_GB → en-GB).
func (m *pageMeta) lang() string {
	return strings.ReplaceAll(first(m.htmlLang, m.meta["content-language"], m.meta["og:locale"]), "_", "-")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// nodeText is the text inside n, white space folded.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return oneLine(b.String())
}
