package source

import (
	"fmt"
	"mime"
	"strings"
	"unicode/utf8"

	"dyad"

	"golang.org/x/net/html/charset"
)

// headerKeys maps the keys of plain-text header lines, lower-cased, to the
// field they set.
var headerKeys = map[string]string{
	"url": "url", "date": "date", "published": "date", "outlet": "outlet",
	"title": "title", "lang": "lang", "language": "lang", "byline": "byline", "author": "byline",
}

// parseText parses a plain-text article: optional "Key: value" header lines
// at the top, ended by a blank line or the first other line; then the title
// on the first line, unless a header gave one; then the text. The text keeps
// its bytes but for CRLF, which becomes LF, and surrounding white space.
// contentType, if it names a charset, decides the encoding; without one the
// text must be UTF-8.
func parseText(data []byte, contentType string) (dyad.Article, error) {
	data, err := decodeCharset(data, contentType)
	if err != nil {
		return dyad.Article{}, err
	}
	if !utf8.Valid(data) {
		return dyad.Article{}, errNotUTF8
	}
	rest := strings.TrimSpace(strings.ReplaceAll(string(data), "\r\n", "\n"))
	var a dyad.Article
	for rest != "" {
		line, after, _ := strings.Cut(rest, "\n")
		key, value, ok := header(line)
		if !ok {
			break
		}
		if err := setHeader(&a, key, value); err != nil {
			return dyad.Article{}, err
		}
		rest = after
	}
	body := strings.TrimSpace(rest)
	if a.Title == "" {
		// A single line is text, not a title.
		if first, more, _ := strings.Cut(body, "\n"); strings.TrimSpace(more) != "" {
			a.Title = strings.TrimSpace(first)
			body = strings.TrimSpace(more)
		}
	}
	a.Text = body
	return a, nil
}

// header splits a header line into its lower-cased key and value.
func header(line string) (key, value string, ok bool) {
	key, value, ok = strings.Cut(line, ":")
	if !ok {
		return "", "", false
	}
	key = strings.ToLower(key)
	if _, known := headerKeys[key]; !known {
		return "", "", false
	}
	return key, strings.TrimSpace(value), true
}

func setHeader(a *dyad.Article, key, value string) error {
	switch headerKeys[key] {
	case "url":
		a.URL = value
	case "date":
		if value == "" {
			return nil
		}
		t, ok := parseDate(value)
		if !ok {
			return fmt.Errorf("unrecognized date in %s header: %q", key, value)
		}
		a.Published = t
	case "outlet":
		a.Outlet = value
	case "title":
		a.Title = value
	case "lang":
		a.Lang = value
	case "byline":
		a.Byline = value
	}
	return nil
}

// decodeCharset converts data to UTF-8 from the charset contentType names,
// if any.
func decodeCharset(data []byte, contentType string) ([]byte, error) {
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil || params["charset"] == "" {
		return data, nil
	}
	enc, name := charset.Lookup(params["charset"])
	if enc == nil {
		return nil, fmt.Errorf("unknown charset %q", params["charset"])
	}
	if name == "utf-8" {
		return data, nil
	}
	return enc.NewDecoder().Bytes(data)
}
