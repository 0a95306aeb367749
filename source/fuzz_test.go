package source

import (
	"bytes"
	"context"
	"net/url"
	"strings"
	"testing"
)

// fuzz feeds bytes to the reader of one format and checks every item it
// emits: no panic, one-line errors, articles with text and the ID of it.
func fuzz(f *testing.F, fm format, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &reader{ctx: context.Background(), opts: Options{}.withDefaults(), emit: func(it Item) {
			if !strings.HasPrefix(it.Input, "fuzz") {
				t.Errorf("Input %q does not name the input", it.Input)
			}
			checkItem(t, it)
		}}
		r.parse("fuzz", fm, data, "", nil)
	})
}

func FuzzText(f *testing.F) {
	fuzz(f, formatText,
		"Title\n\nText.",
		"URL: https://example.com/a\nDate: 2026-01-26\nOutlet: X\nLang: en\nByline: B\n\nT\nText.",
		"\xEF\xBB\xBFTitle: T\r\n\r\nLine.\r\n",
		"Date: Mon, 26 Jan 2026 10:30:00 +0400\n\nT\nText.",
		"\xFF\xFET\x00\n\x00x\x00",
		"Caf\xe9",
		"single line",
	)
}

func FuzzHTML(f *testing.F) {
	fuzz(f, formatHTML,
		page(`<title>T | Site</title><meta property="og:title" content="T"><meta property="article:published_time" content="2026-01-26T10:00:00Z">`, article),
		`<html lang="en"><head><meta charset="iso-8859-1"><script type="application/ld+json">{"@graph":[{"datePublished":"2026-01-25"}]}</script></head><body><p>Caf\xe9.</p></body></html>`,
		`<html><body><div><p>One,<br>two.</p><pre>  x  y</pre><table><tr><td>a</td><td>b</td></tr></table></div></body></html>`,
		`<html><head><title>T</title><scr`,
		`<p>fragment <time datetime="2026-01-01">x</time></p>`,
	)
}

func FuzzJSONL(f *testing.F) {
	fuzz(f, formatJSONL,
		`{"url":"https://example.com/1","title":"One","text":"Text one.","published":"2026-01-26","outlet":"E","lang":"en","byline":"B"}`,
		"{\"text\":\"a\"}\n\n{\"html\":\"<p>b</p>\",\"date\":\"26 January 2026\"}\n{bad\n",
		`{"text": 5}`+"\n[1]\n{\"text\":\"x\\u0000y\"}",
		`{"title":"no text"}`,
	)
}

func FuzzFeed(f *testing.F) {
	fuzz(f, formatFeed,
		rss,
		atomFeed,
		`<rss version="2.0"><channel><item><title>x</titl`,
		`{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","content_html":"<p>x</p>","date_published":"2026-01-26T00:00:00Z"}]}`,
		`<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item><title>t</title><description>d</description></item></rdf:RDF>`,
	)
}

// FuzzRobots checks that any robots.txt and path are judged without a panic
// and that an empty rule set allows everything.
func FuzzRobots(f *testing.F) {
	f.Add("User-agent: *\nDisallow: /private\nAllow: /private/ok$\n", "/private/x?y=1")
	f.Add("User-agent: dyad\nDisallow: /*.pdf$\n# c\nUser-agent: x\nAllow: *", "/a.pdf")
	f.Fuzz(func(t *testing.T, robots, path string) {
		u := &url.URL{Path: path}
		rules := parseRobots(robots, robotsAgent)
		allowed := robotsAllows(rules, u)
		if len(rules) == 0 && !allowed {
			t.Errorf("no rules, yet %q is disallowed", path)
		}
	})
}

// FuzzStdin reads any bytes as stdin, through sniffing and streaming.
func FuzzStdin(f *testing.F) {
	for _, s := range []string{"Title\n\nText.", "{\"text\":\"a\"}\n{", "<p>x</p>", rss, "\xFF\xFEa\x00", ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		Read(context.Background(), "-", Options{Stdin: bytes.NewReader(data), MaxBytes: 1 << 10}, func(it Item) {
			n++
			if it.Input != "-" && !strings.HasPrefix(it.Input, "-:") && !strings.HasPrefix(it.Input, "-#") {
				t.Errorf("Input %q does not name stdin", it.Input)
			}
			checkItem(t, it)
		})
		if n == 0 {
			t.Error("no item for stdin")
		}
	})
}
