package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"

	"dyad"
)

// jsonArticle is one line of JSON Lines input. Published and Date, Outlet
// and Source are synonyms; HTML is used when Text is empty.
type jsonArticle struct {
	URL       string `json:"url"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	Published string `json:"published"`
	Date      string `json:"date"`
	Outlet    string `json:"outlet"`
	Source    string `json:"source"`
	Lang      string `json:"lang"`
	Byline    string `json:"byline"`
}

// readJSONL reads JSON Lines, one article per line, naming each "input:LINE".
// Blank lines are skipped; a bad line fails alone. Each line, rather than the
// whole stream, is held to MaxBytes, so dumps of any size can be read.
func (r *reader) readJSONL(input string, rd io.Reader) {
	br := bufio.NewReader(rd)
	seen := false
	for n := 1; ; n++ {
		line, err := readLine(br, r.opts.MaxBytes)
		name := input + ":" + strconv.Itoa(n)
		if err != nil && err != io.EOF {
			r.fail(name, err)
			var le *limitError
			if !errors.As(err, &le) {
				return
			}
			seen = true
			continue
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, utf8BOM)
		}
		if len(bytes.TrimSpace(line)) > 0 {
			seen = true
			if err := r.ctx.Err(); err != nil {
				r.fail(name, err)
				return
			}
			a, err := parseJSONLine(line)
			r.article(name, a, err)
		}
		if err == io.EOF {
			if !seen {
				r.fail(input, errEmpty)
			}
			return
		}
	}
}

// readLine returns the next line without its line break, and io.EOF with the
// last one. A line longer than max is skipped and reported with a
// *limitError.
func readLine(br *bufio.Reader, max int64) ([]byte, error) {
	var line []byte
	tooLarge := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLarge {
			line = append(line, chunk...)
			if int64(len(bytes.TrimRight(line, "\r\n"))) > max {
				tooLarge, line = true, nil
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err != nil && err != io.EOF:
			return nil, err
		case tooLarge:
			// Reported now; the next call sees any EOF.
			return nil, &limitError{max}
		}
		return bytes.TrimRight(line, "\r\n"), err
	}
}

// parseJSONLine parses one line of JSON Lines.
func parseJSONLine(line []byte) (dyad.Article, error) {
	var j jsonArticle
	if b := bytes.TrimSpace(line); len(b) == 0 || b[0] != '{' {
		return dyad.Article{}, errors.New("invalid JSON: not an object")
	}
	if err := json.Unmarshal(line, &j); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return dyad.Article{}, fmt.Errorf("invalid JSON: %s is a %s, not a string", te.Field, te.Value)
		}
		return dyad.Article{}, fmt.Errorf("invalid JSON: %w", err)
	}
	a := dyad.Article{
		URL:    j.URL,
		Title:  j.Title,
		Text:   j.Text,
		Outlet: first(j.Outlet, j.Source),
		Lang:   j.Lang,
		Byline: j.Byline,
	}
	if date := first(j.Published, j.Date); date != "" {
		t, ok := parseDate(date)
		if !ok {
			return dyad.Article{}, fmt.Errorf("unrecognized published date %q", date)
		}
		a.Published = t
	}
	if first(a.Text) == "" && first(j.HTML) != "" {
		base, _ := url.Parse(j.URL)
		h, err := parseHTML([]byte(j.HTML), "text/html; charset=utf-8", base, false)
		if err != nil {
			return dyad.Article{}, err
		}
		a = merge(a, h)
	}
	return a, nil
}

// merge fills the fields of a that are empty from b.
func merge(a, b dyad.Article) dyad.Article {
	a.URL = first(a.URL, b.URL)
	a.Outlet = first(a.Outlet, b.Outlet)
	a.Title = first(a.Title, b.Title)
	a.Byline = first(a.Byline, b.Byline)
	a.Lang = first(a.Lang, b.Lang)
	a.Text = first(a.Text, b.Text)
	if a.Published.IsZero() {
		a.Published = b.Published
	}
	return a
}
