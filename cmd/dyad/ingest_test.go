package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dyad"
)

// failure is one input expected to fail, with a word of its reason.
type failure struct{ input, reason string }

// checkFailures checks that stderr holds exactly one line per failure, in
// order, each "INPUT: reason".
func checkFailures(t *testing.T, stderr string, want []failure) {
	t.Helper()
	got := lines(stderr)
	for i, f := range want {
		if i >= len(got) {
			t.Errorf("no line on stderr for %s (%s)", f.input, f.reason)
			continue
		}
		if !strings.HasPrefix(got[i], f.input+": ") || !strings.Contains(got[i][len(f.input)+2:], f.reason) {
			t.Errorf("stderr line %d is %q, want %q: …%s…", i+1, got[i], f.input, f.reason)
		}
	}
	if len(got) > len(want) {
		t.Errorf("stderr has %d more lines than failures:\n%s", len(got)-len(want), strings.Join(got[len(want):], "\n"))
	}
}

// closedURL returns a URL on a loopback port nobody listens on.
func closedURL(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return "http://" + addr + "/news/story.html"
}

func summary(read, stored, dup, failed int) string {
	return fmt.Sprintf("read %d, new %d, duplicate %d, failed %d", read, stored, dup, failed)
}

func TestIngestBadInputs(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(t.TempDir(), "dyad.db")
	file := func(name, data string) string { return writeFile(t, dir, name, []byte(data)) }

	good := file("good.txt", "Outlet: Harbor Times\nDate: 2026-03-02\n\nKenya and Uganda sign port accord\n"+
		"Kenya and Uganda signed a port accord in Mombasa on Monday, officials said.\n")
	empty := file("empty.txt", "")
	binary := file("photo.png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
	latin1 := file("latin1.txt", "Caf\xe9 owners in Lyon\nCaf\xe9 owners in Lyon said \xff\xfe the new tariff would hurt trade with Spain.\n")
	// A page cut off after some text keeps the text it has (as the source
	// package decides); one cut off before any text fails.
	truncated := file("truncated.html", "<html><body><p>Half a sent")
	truncatedHead := file("truncated-head.html", "<html><head><title>Port talks</title><scr")
	jsonl := file("batch.jsonl",
		`{"title":"Brazil and Argentina talk trade","text":"Brazil and Argentina agreed on Tuesday to expand trade across the border.","outlet":"Pampa Wire","published":"2026-02-10"}`+"\n"+
			`{"title": "broken", "text": "the line ends before the string does`+"\n"+
			`{"title":"Japan hosts summit","text":"Japan hosted a regional summit in Tokyo on Friday with leaders from Vietnam.","outlet":"Pacific Daily","published":"2026-02-12"}`+"\n")
	feed := file("feed.xml", `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Cut</title></item></channel`)
	const sentence = "Trade talks went on. "
	big := file("big.txt", "Huge wire dump\n"+strings.Repeat(sentence, (10<<20+512<<10)/len(sentence))) // 10.5 MiB
	missing := filepath.Join(dir, "missing.txt")
	url := closedURL(t)

	inputs := []string{good, empty, binary, latin1, truncated, truncatedHead, jsonl, feed, big, missing, url}
	failures := []failure{
		{empty, "empty"},
		{binary, "binary"},
		{latin1, "UTF-8"},
		{truncatedHead, "no article text"},
		{jsonl + ":2", "invalid JSON"},
		{feed, "invalid feed"},
		{big, "10 MiB limit"},
		{missing, "no such file"},
		{url, "private address"},
	}
	const stored = 4 // good.txt, truncated.html, two JSON lines
	read := len(inputs) + 2

	r := mustRun(t, 1, append([]string{"ingest", "--db", db}, inputs...)...)
	checkFailures(t, r.stderr, failures)
	if want := summary(read, stored, 0, len(failures)); !strings.Contains(r.stdout, want) {
		t.Errorf("first ingest: stdout %q, want %q", r.stdout, want)
	}
	articles := listJSON[dyad.Article](t, db, "articles")
	var titles []string
	for _, a := range articles {
		titles = append(titles, a.Title)
	}
	for _, want := range []string{"Kenya and Uganda sign port accord", "Brazil and Argentina talk trade", "Japan hosts summit"} {
		if !slices.Contains(titles, want) {
			t.Errorf("stored titles %q lack %q", titles, want)
		}
	}
	if len(articles) != stored {
		t.Errorf("%d articles stored, want %d: %q", len(articles), stored, titles)
	}
	if hits := listJSON[dyad.Article](t, db, "articles", "--q", "Half"); len(hits) != 1 {
		t.Errorf("the truncated page's text is in %d articles, want 1", len(hits))
	}

	// Again: what was stored is a duplicate, what failed fails again.
	r = mustRun(t, 1, append([]string{"ingest", "--db", db}, inputs...)...)
	checkFailures(t, r.stderr, failures)
	if want := summary(read, 0, stored, len(failures)); !strings.Contains(r.stdout, want) {
		t.Errorf("second ingest: stdout %q, want %q", r.stdout, want)
	}
	if again := listJSON[dyad.Article](t, db, "articles"); len(again) != stored {
		t.Errorf("%d articles stored after the second ingest, want %d", len(again), stored)
	}

	// Allowed, the loopback address is dialled, and nobody answers.
	r = mustRun(t, 1, "ingest", "--db", db, "--allow-private", url)
	checkFailures(t, r.stderr, []failure{{url, "connection refused"}})
	if want := summary(1, 0, 0, 1); !strings.Contains(r.stdout, want) {
		t.Errorf("--allow-private: stdout %q, want %q", r.stdout, want)
	}
}

func TestIngestSuccess(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(t.TempDir(), "dyad.db")
	corpus := filepath.Join(dir, "corpus")
	writeArticles(t, corpus)
	// A directory, read recursively; hidden files are skipped and files of
	// other kinds ignored.
	writeFile(t, corpus, ".draft.txt", []byte("Draft\nNot to be read: Chile and Peru.\n"))
	writeFile(t, corpus, "notes.md", []byte("# notes\n"))

	r := mustRun(t, 0, "ingest", "--db", db, corpus)
	if r.stderr != "" {
		t.Errorf("stderr %q, want nothing", r.stderr)
	}
	want := "ingested into " + db + ": " + summary(3, 3, 0, 0) + "\n"
	if r.stdout != want {
		t.Errorf("stdout %q, want %q", r.stdout, want)
	}
	// The same text under another name, with other spacing, is the same
	// article.
	respaced := writeFile(t, dir, "copy.txt", []byte(strings.ReplaceAll(chileText, ". ", ".   ")))
	r = mustRun(t, 0, "ingest", respaced, "--db", db)
	if !strings.Contains(r.stdout, summary(1, 0, 1, 0)) {
		t.Errorf("re-spaced copy: stdout %q, want a duplicate", r.stdout)
	}
	// The same file twice in one batch is stored once.
	r = mustRun(t, 0, "ingest", "--db", db, respaced, filepath.Join(corpus, "kenya.txt"), respaced)
	if !strings.Contains(r.stdout, summary(3, 0, 3, 0)) {
		t.Errorf("repeated inputs: stdout %q, want three duplicates", r.stdout)
	}
	if n := len(listJSON[dyad.Article](t, db, "articles")); n != 3 {
		t.Errorf("%d articles stored, want 3", n)
	}

	// A directory with nothing to read is a failure of its own.
	none := filepath.Join(dir, "none")
	writeFile(t, mkdirAll(t, none), "notes.md", []byte("# notes\n"))
	r = mustRun(t, 1, "ingest", "--db", db, none)
	checkFailures(t, r.stderr, []failure{{none, "no files to read"}})
	if !strings.Contains(r.stdout, summary(1, 0, 0, 1)) {
		t.Errorf("empty directory: stdout %q, want one failure", r.stdout)
	}
}

func TestIngestStdin(t *testing.T) {
	db := newDB(t)
	stream := `{"title":"Norway and Sweden share data","text":"Norway and Sweden agreed on Monday to share fishing data.","outlet":"Fjord Wire","published":"2026-02-01"}` + "\n" +
		"not json at all\n" +
		`{"title":"Finland hosts Estonia","text":"Finland hosted Estonia for energy talks in Helsinki on Thursday.","outlet":"Baltic Post","published":"2026-02-05"}` + "\n"
	var r result
	withStdin(t, stream, func() { r = dyadRun(t, "ingest", "--db", db, "-") })
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
	checkFailures(t, r.stderr, []failure{{"-:2", "invalid JSON"}})
	if !strings.Contains(r.stdout, summary(3, 2, 0, 1)) {
		t.Errorf("stdout %q, want %q", r.stdout, summary(3, 2, 0, 1))
	}

	// Plain text on stdin takes its date from --published.
	withStdin(t, "Mexico and Canada discuss steel\nMexico and Canada discussed tariffs on steel in Ottawa on Friday.\n", func() {
		r = dyadRun(t, "ingest", "-", "--db", db, "--published", "2026-02-07")
	})
	if r.code != 0 || !strings.Contains(r.stdout, summary(1, 1, 0, 0)) {
		t.Errorf("plain text on stdin: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	got := map[string]string{}
	for _, a := range listJSON[dyad.Article](t, db, "articles") {
		got[a.Title] = a.Outlet + " " + a.Published.Format("2006-01-02")
	}
	want := map[string]string{
		"Norway and Sweden share data":    "Fjord Wire 2026-02-01",
		"Finland hosts Estonia":           "Baltic Post 2026-02-05",
		"Mexico and Canada discuss steel": " 2026-02-07",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("stored %v, want %v", got, want)
	}

	// Nothing on stdin fails, once.
	withStdin(t, "", func() { r = dyadRun(t, "ingest", "--db", db, "-") })
	if r.code != 1 {
		t.Errorf("empty stdin: exit %d, want 1", r.code)
	}
	checkFailures(t, r.stderr, []failure{{"-", "empty"}})

	// analyze reads stdin too.
	withStdin(t, kenyaText, func() { r = dyadRun(t, "analyze", "-", "--json") })
	if r.code != 0 {
		t.Fatalf("analyze -: exit %d, stderr %q", r.code, r.stderr)
	}
	if ans := decodeAnalyses(t, r.stdout); len(ans) != 1 || ans[0].Article.Title != "Kenya presses Tanzania on rail corridor" {
		t.Errorf("analyze -: %d objects, want the Kenya article", len(ans))
	}
}

func TestIngestCancelled(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "dyad.db")
	writeArticles(t, filepath.Join(dir, "corpus"))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	if code := run(ctx, []string{"ingest", "--db", db, filepath.Join(dir, "corpus")}, &stdout, &stderr); code != 1 {
		t.Errorf("cancelled ingest: exit %d, want 1; stdout %q, stderr %q", code, stdout.String(), stderr.String())
	}
	if !strings.Contains(stderr.String(), "context canceled") {
		t.Errorf("cancelled ingest: stderr %q, want the cancellation", stderr.String())
	}
}

// TestIngestKnowsPeople checks actor discovery across runs: a person
// introduced with a role in one ingest resolves by surname in a later one.
func TestIngestKnowsPeople(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(t.TempDir(), "dyad.db")
	first := writeFile(t, dir, "first.txt", []byte("Date: 2026-03-02\n\nKenyan Foreign Minister Amina Odhiambo visited Luanda on Monday.\n"))
	later := writeFile(t, dir, "later.txt", []byte("Date: 2026-03-09\n\nOdhiambo returned to Luanda for a second round of talks.\n"))
	mustRun(t, 0, "ingest", "--db", db, first)
	mustRun(t, 0, "ingest", "--db", db, later)
	out := mustRun(t, 0, "actors", "--db", db, "--actor", "amina-odhiambo", "--format", "csv").stdout
	if !strings.Contains(out, "KENGOV") || !strings.Contains(out, ",2,") {
		t.Errorf("actors:\n%s\nwant amina-odhiambo, KENGOV, in 2 articles", out)
	}
}

// TestIngestUserActors checks --actors: a user's actor resolves with the
// code it held on the publication date; a bad file stops with its line.
func TestIngestUserActors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(t.TempDir(), "dyad.db")
	actors := writeFile(t, dir, "actors.tsv", []byte("AMINA ODHIAMBO|ODHIAMBO\t-\tKENGOV 2025-01-01..\n"))
	art := writeFile(t, dir, "a.txt", []byte("Date: 2026-03-02\n\nOdhiambo arrived in Luanda on Monday.\n"))
	mustRun(t, 0, "ingest", "--db", db, "--actors", actors, art)
	out := mustRun(t, 0, "actors", "--db", db, "--actor", "KENGOV", "--format", "csv").stdout
	if !strings.Contains(out, "Amina Odhiambo") {
		t.Errorf("actors:\n%s\nwant Amina Odhiambo as KENGOV", out)
	}
	bad := writeFile(t, dir, "bad.tsv", []byte("ODHIAMBO\tKENGOV\n"))
	r := dyadRun(t, "ingest", "--db", db, "--actors", bad, art)
	if r.code == 0 || !strings.Contains(r.stderr, bad+":1:") {
		t.Errorf("bad actors file: exit %d, stderr %q", r.code, r.stderr)
	}
}
