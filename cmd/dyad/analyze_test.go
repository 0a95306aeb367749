package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dyad"
)

// kenyaText is a short article without a date of its own, so that
// --published decides its date and the dates relative to it.
const kenyaText = `Kenya presses Tanzania on rail corridor
Kenyan Foreign Minister Amina Odhiambo said on Monday that Nairobi wanted a faster deal with Tanzania. "We will not wait another decade for this railway," Odhiambo told reporters in Mombasa. Trade between the two countries reached $2 billion last year, she said.
`

// analysisKeys are the keys every object printed by analyze --json has.
var analysisKeys = []string{"article", "actors", "mentions", "quotes", "figures", "dates", "events"}

// decodeAnalyses decodes the output of analyze --json: one object per line,
// each with analysisKeys.
func decodeAnalyses(t *testing.T, stdout string) []dyad.Analysis {
	t.Helper()
	var out []dyad.Analysis
	for i, line := range lines(stdout) {
		var keys map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &keys); err != nil {
			t.Fatalf("line %d is not a JSON object: %v\n%s", i+1, err, line)
		}
		for _, k := range analysisKeys {
			if _, ok := keys[k]; !ok {
				t.Errorf("line %d has no key %q", i+1, k)
			}
		}
		var an dyad.Analysis
		if err := json.Unmarshal([]byte(line), &an); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		out = append(out, an)
	}
	return out
}

// checkSpans checks that every span of an analysis lies in the article text
// and that the items that quote the text quote what their span holds.
func checkSpans(t *testing.T, an dyad.Analysis) {
	t.Helper()
	if err := an.CheckSpans(); err != nil {
		t.Error(err)
	}
	for _, q := range an.Quotes {
		if sp := q.Speaker.Span; sp.Start < 0 || sp.Start > sp.End || sp.End > len(an.Article.Text) {
			t.Errorf("%s: speaker %q has span [%d,%d) outside the text", an.Article.ID, q.Speaker.Name, sp.Start, sp.End)
		}
	}
}

// Lists are arrays, never null, even when nothing is found.
func TestAnalyzeEmptyLists(t *testing.T) {
	file := writeFile(t, t.TempDir(), "hello.txt", []byte("Hello\nhello there\n"))
	r := mustRun(t, 0, "analyze", file, "--json")
	for _, key := range []string{"actors", "mentions", "quotes", "figures", "dates", "events", "themes", "actor_tones"} {
		if !strings.Contains(r.stdout, `"`+key+`":[]`) {
			t.Errorf("want %q as an empty array in %s", key, r.stdout)
		}
	}
}

func TestAnalyzeJSON(t *testing.T) {
	dir := t.TempDir()
	file := writeFile(t, dir, "kenya.txt", []byte(kenyaText))
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"flags after input", []string{"analyze", file, "--json", "--published", "2026-01-27"}},
		{"flags before input", []string{"analyze", "--json", "--published", "2026-01-27", file}},
		{"flags around input", []string{"analyze", "--published=2026-01-27", file, "--json"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRun(t, 0, tt.args...)
			if r.stderr != "" {
				t.Errorf("stderr %q, want nothing", r.stderr)
			}
			ans := decodeAnalyses(t, r.stdout)
			if len(ans) != 1 {
				t.Fatalf("%d objects, want 1:\n%s", len(ans), r.stdout)
			}
			an := ans[0]
			checkSpans(t, an)
			a := an.Article
			if got := a.Published.Format("2006-01-02"); got != "2026-01-27" {
				t.Errorf("published %s, want 2026-01-27", got)
			}
			if a.Title != "Kenya presses Tanzania on rail corridor" || !strings.HasPrefix(a.Text, "Kenyan Foreign Minister") {
				t.Errorf("title %q, text %q: want the first line as title and the rest as text", a.Title, a.Text)
			}
			if len(a.ID) != 16 {
				t.Errorf("id %q, want 16 hex digits", a.ID)
			}
			if !slices.ContainsFunc(an.Actors, func(ac dyad.Actor) bool {
				return ac.Name == "Amina Odhiambo" && ac.Kind == dyad.KindPerson && ac.Country == "KEN"
			}) {
				t.Errorf("actors %+v lack Amina Odhiambo, a Kenyan person", an.Actors)
			}
			if !slices.ContainsFunc(an.Quotes, func(q dyad.Quote) bool {
				return q.Direct && q.Text == "We will not wait another decade for this railway" && q.Speaker.Name == "Amina Odhiambo"
			}) {
				t.Errorf("quotes %+v lack the direct quote of Amina Odhiambo", an.Quotes)
			}
			if !slices.ContainsFunc(an.Figures, func(f dyad.Figure) bool {
				return f.Text == "$2 billion" && f.Value == 2e9 && f.Unit == "USD"
			}) {
				t.Errorf("figures %+v lack $2 billion = 2000000000 USD", an.Figures)
			}
			// Relative dates resolve against --published, a Tuesday.
			if !slices.ContainsFunc(an.Dates, func(d dyad.Date) bool { return d.Text == "Monday" && d.Value == "2026-01-26" }) {
				t.Errorf("dates %+v lack Monday = 2026-01-26", an.Dates)
			}
			if !slices.ContainsFunc(an.Dates, func(d dyad.Date) bool { return d.Text == "last year" && d.Value == "2025" }) {
				t.Errorf("dates %+v lack last year = 2025", an.Dates)
			}
		})
	}
}

func TestAnalyzeKeepsOwnDate(t *testing.T) {
	file := writeFile(t, t.TempDir(), "dated.txt", []byte("Outlet: Harbor Times\nDate: 2026-03-02\n\n"+kenyaText))
	ans := decodeAnalyses(t, mustRun(t, 0, "analyze", file, "--json", "--published", "2026-01-27").stdout)
	if len(ans) != 1 {
		t.Fatalf("%d objects, want 1", len(ans))
	}
	a := ans[0].Article
	if got := a.Published.Format("2006-01-02"); got != "2026-03-02" || a.Outlet != "Harbor Times" {
		t.Errorf("published %s, outlet %q; want the file's own 2026-03-02, Harbor Times", got, a.Outlet)
	}
	if !slices.ContainsFunc(ans[0].Dates, func(d dyad.Date) bool { return d.Text == "Monday" && d.Value == "2026-03-02" }) {
		t.Errorf("dates %+v lack Monday = 2026-03-02 (the day of publication, a Monday)", ans[0].Dates)
	}
}

func TestAnalyzeUnicodeSpans(t *testing.T) {
	// A byte order mark, CRLF line ends, curly quotes and non-ASCII names:
	// offsets are bytes of the stored text.
	in := "\uFEFFOutlet: Delta News\r\nDate: 2026-01-20\r\n\r\nTürkiye and Greece hold talks\r\n" +
		"Greek Prime Minister Nikos Andreou said on Friday that “Athens and Ankara can agree”. " +
		"Türkiye’s trade with Greece reached €5.4 billion last year, up 12% from 2024.\r\n"
	file := writeFile(t, t.TempDir(), "delta.txt", []byte(in))
	ans := decodeAnalyses(t, mustRun(t, 0, "analyze", file, "--json").stdout)
	if len(ans) != 1 {
		t.Fatalf("%d objects, want 1", len(ans))
	}
	an := ans[0]
	checkSpans(t, an)
	if strings.Contains(an.Article.Text, "\r") || an.Article.Title != "Türkiye and Greece hold talks" {
		t.Errorf("title %q, text %q: want CRLF folded and the title line split off", an.Article.Title, an.Article.Text)
	}
	if !slices.ContainsFunc(an.Figures, func(f dyad.Figure) bool { return f.Text == "€5.4 billion" && f.Value == 5.4e9 && f.Unit == "EUR" }) {
		t.Errorf("figures %+v lack €5.4 billion = 5400000000 EUR", an.Figures)
	}
	if !slices.ContainsFunc(an.Mentions, func(m dyad.Mention) bool { return m.Text == "Türkiye" && m.Actor == "TUR" }) {
		t.Errorf("mentions %+v lack Türkiye → TUR", an.Mentions)
	}
}

func TestAnalyzeDemoCorpusSpans(t *testing.T) {
	// A directory is one input holding many articles: one object each.
	r := mustRun(t, 0, "analyze", filepath.Join("..", "..", "demo", "corpus"), "--json", "--published", "2026-01-27")
	ans := decodeAnalyses(t, r.stdout)
	if len(ans) != 12 {
		t.Fatalf("%d objects, want 12", len(ans))
	}
	for _, an := range ans {
		checkSpans(t, an)
		if len(an.Mentions) == 0 || len(an.Actors) == 0 {
			t.Errorf("%s %q: no mentions or actors found", an.Article.ID, an.Article.Title)
		}
	}
}

func TestAnalyzeReadable(t *testing.T) {
	file := writeFile(t, t.TempDir(), "kenya.txt", []byte(kenyaText))
	r := mustRun(t, 0, "analyze", file, "--published", "2026-01-27")
	for _, want := range []string{
		"Kenya presses Tanzania on rail corridor\n",
		"2026-01-27",
		"Actors (",
		"Quotes (",
		"Figures (",
		"Dates (",
		"Events (",
		"Amina Odhiambo",
		"We will not wait another decade for this railway",
		"2000000000 USD",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("readable output lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.HasPrefix(strings.TrimSpace(r.stdout), "{") {
		t.Errorf("readable output is JSON:\n%s", r.stdout)
	}
}

func TestAnalyzeFailures(t *testing.T) {
	dir := t.TempDir()
	jsonl := writeFile(t, dir, "batch.jsonl", []byte(
		`{"title":"Chile and Peru meet","text":"Chile and Peru agreed on Monday to widen their copper pact.","outlet":"Andes Courier"}`+"\n"+
			`{"title":"broken","text":"cut off`+"\n"+
			`{"title":"Japan hosts Vietnam","text":"Japan hosted Vietnam for port talks in Tokyo on Friday.","outlet":"Pacific Daily"}`+"\n"))
	missing := filepath.Join(dir, "missing.txt")
	tests := []struct {
		name     string
		input    string
		objects  int
		failures []string // lines on stderr, in order
	}{
		{"bad JSON line among good ones", jsonl, 2, []string{jsonl + ":2: invalid JSON"}},
		{"no such file", missing, 0, []string{missing + ": no such file"}},
		{"empty file", writeFile(t, dir, "empty.txt", nil), 0, []string{filepath.Join(dir, "empty.txt") + ": empty input"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRun(t, 1, "analyze", tt.input, "--json")
			if ans := decodeAnalyses(t, r.stdout); len(ans) != tt.objects {
				t.Errorf("%d objects, want %d", len(ans), tt.objects)
			}
			got := lines(r.stderr)
			if len(got) != len(tt.failures) {
				t.Fatalf("stderr %q, want %d lines", r.stderr, len(tt.failures))
			}
			for i, want := range tt.failures {
				if !strings.HasPrefix(got[i], want) {
					t.Errorf("stderr line %d %q, want it to start %q", i+1, got[i], want)
				}
			}
		})
	}
}
