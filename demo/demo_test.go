package demo

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// article is one parsed corpus file.
type article struct {
	URL, Outlet, Title string
	Date               time.Time
	Paragraphs         []string
	Text               string // the whole file
}

func (a article) words() int {
	n := 0
	for _, p := range a.Paragraphs {
		n += len(strings.Fields(p))
	}
	return n
}

// parse reads the header lines, the blank line, the title and the body.
func parse(data string) (article, error) {
	var a article
	a.Text = data
	if !utf8.ValidString(data) {
		return a, fmt.Errorf("not valid UTF-8")
	}
	if strings.Contains(data, "\r") {
		return a, fmt.Errorf("contains a carriage return")
	}
	if !strings.HasSuffix(data, "\n") || strings.HasSuffix(data, "\n\n") {
		return a, fmt.Errorf("must end with exactly one newline")
	}
	lines := strings.Split(strings.TrimSuffix(data, "\n"), "\n")
	if len(lines) < 6 {
		return a, fmt.Errorf("only %d lines", len(lines))
	}
	for i, key := range []string{"URL", "Date", "Outlet"} {
		v, ok := strings.CutPrefix(lines[i], key+": ")
		if !ok || strings.TrimSpace(v) != v || v == "" {
			return a, fmt.Errorf("line %d: want %q header, got %q", i+1, key, lines[i])
		}
		switch key {
		case "URL":
			a.URL = v
		case "Date":
			d, err := time.Parse(time.DateOnly, v)
			if err != nil {
				return a, fmt.Errorf("date: %v", err)
			}
			a.Date = d
		case "Outlet":
			a.Outlet = v
		}
	}
	if lines[3] != "" {
		return a, fmt.Errorf("line 4: want blank line after headers, got %q", lines[3])
	}
	a.Title = lines[4]
	if strings.TrimSpace(a.Title) == "" {
		return a, fmt.Errorf("no title")
	}
	for i, l := range lines[5:] {
		if strings.TrimSpace(l) == "" {
			return a, fmt.Errorf("line %d: blank line in body", i+6)
		}
		if strings.TrimSpace(l) != l {
			return a, fmt.Errorf("line %d: leading or trailing space", i+6)
		}
		a.Paragraphs = append(a.Paragraphs, l)
	}
	return a, nil
}

type fact struct {
	Kind      string             `json:"kind"`
	Quantity  string             `json:"quantity"`
	Unit      string             `json:"unit"`
	Speaker   string             `json:"speaker"`
	Cue       string             `json:"cue"`
	Actor     string             `json:"actor"`
	Code      string             `json:"code"`
	Files     map[string]string  `json:"files"`
	Values    map[string]float64 `json:"values"`
	Place     map[string]string  `json:"place"`
	FullIn    string             `json:"full_in"`
	OmittedIn []string           `json:"omitted_in"`
	Note      string             `json:"note"`
}

type story struct {
	ID    string   `json:"id"`
	Title string   `json:"title"`
	Dates []string `json:"dates"`
	Files []string `json:"files"`
	Facts []fact   `json:"facts"`
}

type outlet struct {
	Slug   string `json:"slug"`
	Name   string `json:"name"`
	Domain string `json:"domain"`
	Slant  string `json:"slant"`
}

type truth struct {
	Outlets []outlet `json:"outlets"`
	Stories []story  `json:"stories"`
}

func loadTruth(t *testing.T) truth {
	t.Helper()
	var tr truth
	dec := json.NewDecoder(strings.NewReader(string(StoriesJSON)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&tr); err != nil {
		t.Fatalf("stories.json: %v", err)
	}
	return tr
}

func loadArticles(t *testing.T) map[string]article {
	t.Helper()
	arts := map[string]article{}
	for _, name := range Files() {
		data, err := Read(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		a, err := parse(string(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		arts[name] = a
	}
	return arts
}

var fileName = regexp.MustCompile(`^([a-z]+)-([a-z]+)\.txt$`)

func TestFiles(t *testing.T) {
	files := Files()
	if len(files) != 12 {
		t.Fatalf("Files() returned %d names, want 12: %v", len(files), files)
	}
	if !slices.IsSorted(files) {
		t.Errorf("Files() not sorted: %v", files)
	}
	for _, f := range files {
		if !fileName.MatchString(f) {
			t.Errorf("bad file name %q", f)
		}
	}
}

var dateline = regexp.MustCompile(`^[A-ZÀ-Ý][A-ZÀ-Ý .'-]+(, [A-Z][A-Za-z ]+)? – \S`)

func TestArticlesParse(t *testing.T) {
	tr := loadTruth(t)
	outlets := map[string]outlet{}
	for _, o := range tr.Outlets {
		outlets[o.Slug] = o
	}
	for name, a := range loadArticles(t) {
		m := fileName.FindStringSubmatch(name)
		o, ok := outlets[m[2]]
		if !ok {
			t.Errorf("%s: unknown outlet slug %q", name, m[2])
			continue
		}
		if a.Outlet != o.Name {
			t.Errorf("%s: Outlet %q, want %q", name, a.Outlet, o.Name)
		}
		u, err := url.Parse(a.URL)
		if err != nil || u.Scheme != "https" || u.Host != o.Domain {
			t.Errorf("%s: URL %q should be https on %s", name, a.URL, o.Domain)
		} else if !strings.HasPrefix(u.Path, a.Date.Format("/2006/01/02/")) {
			t.Errorf("%s: URL path %q does not carry the date %s", name, u.Path, a.Date.Format(time.DateOnly))
		}
		if a.Date.Year() != 2026 {
			t.Errorf("%s: date %v not in 2026", name, a.Date)
		}
		if n := len(a.Paragraphs); n < 5 || n > 9 {
			t.Errorf("%s: %d paragraphs, want 5-9", name, n)
		}
		if w := a.words(); w < 180 || w > 320 {
			t.Errorf("%s: body has %d words, want 180-320", name, w)
		}
		if !dateline.MatchString(a.Paragraphs[0]) {
			t.Errorf("%s: first paragraph lacks a dateline: %.40q", name, a.Paragraphs[0])
		}
	}
}

// TestDistinct guards against syndicated copies: no two articles may share
// a run of ten words.
func TestDistinct(t *testing.T) {
	const n = 10
	arts := loadArticles(t)
	seen := map[string]string{}
	for _, name := range Files() {
		words := strings.Fields(strings.Join(arts[name].Paragraphs, " "))
		for i := 0; i+n <= len(words); i++ {
			key := strings.Join(words[i:i+n], " ")
			if other, ok := seen[key]; ok && other != name {
				t.Errorf("%s and %s share %q", other, name, key)
			}
			seen[key] = name
		}
	}
}

var kinds = []string{"figure_conflict", "figure_only", "quote_only", "quote_partial",
	"quote_paraphrase", "actor_only", "name_variant", "country_variant", "metonymy"}

func TestStories(t *testing.T) {
	tr := loadTruth(t)
	arts := loadArticles(t)
	if len(tr.Outlets) != 4 || len(tr.Stories) != 3 {
		t.Fatalf("want 4 outlets and 3 stories, got %d and %d", len(tr.Outlets), len(tr.Stories))
	}
	owner := map[string]string{}
	count := map[string]int{}
	months := map[time.Month]string{}
	for _, s := range tr.Stories {
		if s.ID == "" || s.Title == "" {
			t.Errorf("story %+v: id and title required", s.ID)
		}
		if len(s.Files) != 4 {
			t.Errorf("%s: %d files, want 4", s.ID, len(s.Files))
		}
		from, err1 := time.Parse(time.DateOnly, s.Dates[0])
		to, err2 := time.Parse(time.DateOnly, s.Dates[1])
		if err1 != nil || err2 != nil || to.Before(from) || to.Sub(from) > 2*24*time.Hour {
			t.Errorf("%s: bad date span %v", s.ID, s.Dates)
		}
		if other, ok := months[from.Month()]; ok {
			t.Errorf("%s and %s share a month", s.ID, other)
		}
		months[from.Month()] = s.ID
		outletsSeen := map[string]bool{}
		for _, f := range s.Files {
			a, ok := arts[f]
			if !ok {
				t.Errorf("%s: file %s not in corpus", s.ID, f)
				continue
			}
			if prev, dup := owner[f]; dup {
				t.Errorf("%s: file %s already in story %s", s.ID, f, prev)
			}
			owner[f] = s.ID
			m := fileName.FindStringSubmatch(f)
			if m[1] != s.ID {
				t.Errorf("%s: file %s named for another story", s.ID, f)
			}
			outletsSeen[m[2]] = true
			if a.Date.Before(from) || a.Date.After(to) {
				t.Errorf("%s: %s dated %v outside %v", s.ID, f, a.Date, s.Dates)
			}
		}
		if len(outletsSeen) != 4 {
			t.Errorf("%s: files from %d outlets, want 4", s.ID, len(outletsSeen))
		}
		for i, fa := range s.Facts {
			where := fmt.Sprintf("%s fact %d (%s)", s.ID, i, fa.Kind)
			count[fa.Kind]++
			checkFact(t, where, s, fa, arts)
		}
	}
	if len(owner) != len(arts) {
		t.Errorf("stories cover %d files, corpus has %d", len(owner), len(arts))
	}
	for _, k := range kinds {
		if count[k] == 0 {
			t.Errorf("no fact of kind %s", k)
		}
	}
	t.Logf("planted facts by kind: %v", count)
}

func checkFact(t *testing.T, where string, s story, fa fact, arts map[string]article) {
	t.Helper()
	if !slices.Contains(kinds, fa.Kind) {
		t.Errorf("%s: unknown kind", where)
		return
	}
	if len(fa.Files) == 0 {
		t.Errorf("%s: no files", where)
	}
	verbatim := func(m map[string]string, what string) {
		for f, text := range m {
			if !slices.Contains(s.Files, f) {
				t.Errorf("%s: %s file %s is not in the story", where, what, f)
				continue
			}
			if text == "" || !strings.Contains(arts[f].Text, text) {
				t.Errorf("%s: %s text %q not found in %s", where, what, text, f)
			}
		}
	}
	verbatim(fa.Files, "files")
	verbatim(fa.Place, "place")
	distinct := map[string]bool{}
	for _, text := range fa.Files {
		distinct[text] = true
	}
	switch fa.Kind {
	case "figure_conflict", "figure_only":
		if fa.Quantity == "" || fa.Unit == "" {
			t.Errorf("%s: quantity and unit required", where)
		}
		if len(fa.Values) != len(fa.Files) {
			t.Errorf("%s: need one value per file", where)
		}
		vals := map[float64]bool{}
		for f, v := range fa.Values {
			if _, ok := fa.Files[f]; !ok {
				t.Errorf("%s: value for %s without text", where, f)
			}
			vals[v] = true
		}
		if fa.Kind == "figure_only" && len(fa.Files) != 1 {
			t.Errorf("%s: figure_only must name one file", where)
		}
		if fa.Kind == "figure_conflict" && len(vals) < 2 {
			t.Errorf("%s: figure_conflict needs two different values", where)
		}
	case "quote_only":
		if fa.Speaker == "" || len(fa.Files) != 1 {
			t.Errorf("%s: speaker and exactly one file required", where)
		}
		for f, text := range fa.Files {
			for _, other := range s.Files {
				if other != f && strings.Contains(arts[other].Text, text) {
					t.Errorf("%s: quote also in %s", where, other)
				}
			}
		}
	case "quote_partial", "quote_paraphrase":
		full, ok := fa.Files[fa.FullIn]
		if fa.Speaker == "" || !ok || len(fa.Files) != 2 {
			t.Errorf("%s: speaker, full_in and two files required", where)
			return
		}
		for f, text := range fa.Files {
			if f == fa.FullIn {
				continue
			}
			if fa.Kind == "quote_partial" && (!strings.Contains(full, text) || len(text) >= len(full)) {
				t.Errorf("%s: partial %q is not a part of the full quote", where, text)
			}
			if fa.Kind == "quote_paraphrase" && strings.Contains(arts[f].Text, full) {
				t.Errorf("%s: %s quotes verbatim what it should paraphrase", where, f)
			}
		}
		for _, f := range fa.OmittedIn {
			if !slices.Contains(s.Files, f) {
				t.Errorf("%s: omitted_in %s not in story", where, f)
			}
			for _, text := range fa.Files {
				if strings.Contains(arts[f].Text, text) {
					t.Errorf("%s: %s should omit the quote but has %q", where, f, text)
				}
			}
		}
	case "actor_only":
		if fa.Actor == "" || fa.Code == "" || len(fa.Files) > 2 {
			t.Errorf("%s: actor, code and one or two files required", where)
		}
		for _, other := range s.Files {
			if _, ok := fa.Files[other]; ok {
				continue
			}
			for _, text := range fa.Files {
				if strings.Contains(arts[other].Text, text) {
					t.Errorf("%s: %q also in %s", where, text, other)
				}
			}
		}
	case "name_variant", "country_variant":
		if fa.Actor == "" || fa.Code == "" || len(distinct) < 2 {
			t.Errorf("%s: actor, code and at least two forms required", where)
		}
		// A file that uses one form must not also use another.
		for f := range fa.Files {
			for text := range distinct {
				if text != fa.Files[f] && strings.Contains(arts[f].Text, text) {
					t.Errorf("%s: %s uses both %q and %q", where, f, fa.Files[f], text)
				}
			}
		}
	case "metonymy":
		if fa.Actor == "" || !strings.HasSuffix(fa.Code, "GOV") && !strings.HasPrefix(fa.Code, "IGO") {
			t.Errorf("%s: actor and a government or IGO code required", where)
		}
		for f, text := range fa.Files {
			if !strings.Contains(text, fa.Actor) {
				t.Errorf("%s: %s text %q does not name %s", where, f, text, fa.Actor)
			}
		}
		for f, text := range fa.Place {
			if !strings.Contains(text, fa.Actor) {
				t.Errorf("%s: %s place %q does not name %s", where, f, text, fa.Actor)
			}
		}
	}
}
