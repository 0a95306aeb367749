package lexicon

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestCodeOn(t *testing.T) {
	obama, n := Default().MatchKnown(strings.Fields("Barack Obama said"))
	if n != 2 || obama.Kind != Known || obama.Name != "BARACK OBAMA" {
		t.Fatalf("MatchKnown(Barack Obama) = %+v, %d", obama, n)
	}
	annan, _ := Default().MatchKnown(strings.Fields("Kofi Annan"))
	for _, c := range []struct {
		e    Entry
		at   string
		want string
	}{
		{obama, "2009-01-20", "USAGOV"}, // the first day counts
		{obama, "2016-06-01", "USAGOV"}, // open end
		{obama, "1990-05-05", "USAELI"},
		{obama, "2005-01-01", ""}, // between the dated codes, and no undated one
		{obama, "", ""},           // no date: the undated code
		{annan, "2000-01-01", "IGOUNO"},
		{annan, "2006-12-31", "IGOUNO"}, // the last day counts
		{annan, "2007-01-01", "ELI"},    // after: the undated code
		{annan, "", "ELI"},
	} {
		var at time.Time
		if c.at != "" {
			at = date(c.at)
		}
		if got := c.e.CodeOn(at); got != c.want {
			t.Errorf("%s on %q: CodeOn = %q, want %q", c.e.Name, c.at, got, c.want)
		}
	}
	if (Entry{Kind: Country, Code: "ISR"}).CodeOn(date("2020-01-01")) != "ISR" {
		t.Error("an entry without dated codes: CodeOn is not its Code")
	}
}

// TestMatchKnownCase: Phoenix writes every name in capitals, so the case
// of the text decides.
func TestMatchKnownCase(t *testing.T) {
	l := Default()
	for _, c := range []struct {
		text string
		n    int
	}{
		{"Obama said", 1},
		{"OBAMA said", 1},
		{"obama said", 0},
		{"Hamas fighters", 1},
		{"hamas fighters", 0},
		{"Kofi Annan", 2},
		{"Kofi annan", 0}, // every word must be capitalized
		{"kofi Annan", 0},
		{"US", 1}, // a short one-word name only in capitals:
		{"Us", 0}, // "US" is a Phoenix name, "Us" is not
		{"us", 0},
		{"rice prices", 0},
		{"bush fires", 0},
		{"the Clinton administration said", 3}, // a common noun in a name
		{"Kurdistan Workers ' Party said", 4},  // punctuation in a name
		{"Kurdistan Workers Party said", 3},
		{"the clinton administration", 0},
		{"may", 0},
	} {
		if _, n := l.MatchKnown(strings.Fields(c.text)); n != c.n {
			t.Errorf("MatchKnown(%q) spans %d words, want %d", c.text, n, c.n)
		}
	}
	// Match itself never returns Known entries.
	if e, n := l.Match(strings.Fields("Kofi Annan")); n != 0 {
		t.Errorf("Match(Kofi Annan) = %+v", e)
	}
}

func TestParseDated(t *testing.T) {
	for _, c := range []struct {
		in   string
		want DatedCode
		err  bool
	}{
		{in: "USAGOV 2009-01-20..2017-01-20", want: DatedCode{"USAGOV", date("2009-01-20"), date("2017-01-20")}},
		{in: "USAGOV ..2001-01-20", want: DatedCode{Code: "USAGOV", To: date("2001-01-20")}},
		{in: "--- 2001-01-20..", want: DatedCode{From: date("2001-01-20")}},
		{in: "USAGOV", err: true},
		{in: "USAGOV 2009-01-20", err: true},
		{in: "USAGOV 2009-02-30..", err: true},
		{in: "USAGOV 09-01-20..", err: true},
	} {
		got, err := parseDated(c.in)
		if (err != nil) != c.err || got != c.want {
			t.Errorf("parseDated(%q) = %+v, %v", c.in, got, err)
		}
	}
}

func TestDiscard(t *testing.T) {
	l := Default()
	for _, c := range []struct {
		text   string
		phrase string // "" for none
		story  bool
	}{
		{"Brazil won the World Cup on Sunday", "world cup", true},
		{"the basketballs were seized", "basketball", false}, // a stem
		{"as in 1914 , the powers mobilized", "1914", false},
		{"Fans of Manchester United rioted", "manchester united", true},
		{"the teams of group a met", "group a", false},
		{"the teams of group alpha met", "", false}, // "group a_" must end there
		{"Israel and Azerbaijan signed an agreement", "", false},
		{"", "", false},
	} {
		d, ok := l.Discard(strings.Fields(c.text))
		if ok != (c.phrase != "") || d.Phrase != c.phrase || d.Story != c.story {
			t.Errorf("Discard(%q) = %+v, %v; want %q (story %v)", c.text, d, ok, c.phrase, c.story)
		}
	}
}

// BenchmarkLoadKnown is the one-time cost of the Known table, paid by the
// first MatchKnown rather than by New.
func BenchmarkLoadKnown(b *testing.B) {
	data, err := dataFS.ReadFile("data/actors.tsv")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		var t table
		if err := loadKnown(&t, "actors.tsv", data); err != nil {
			b.Fatal(err)
		}
	}
}

func TestKnownDataParses(t *testing.T) {
	data, err := dataFS.ReadFile("data/actors.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var known table
	if err := loadKnown(&known, "actors.tsv", data); err != nil {
		t.Fatal(err)
	}
	if len(known.first) < 10000 {
		t.Errorf("%d first words, want the Phoenix actors (≥ 10000)", len(known.first))
	}
}

// TestAddActors checks user actor files: new actors with dated codes,
// corrections that win over the embedded ones, and errors by line.
func TestAddActors(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "my-actors.tsv")
	data := "# my actors\nAMINA ODHIAMBO|ODHIAMBO\t-\tKENGOV 2025-01-01..\nBARACK OBAMA|OBAMA\tUSAELI\t-\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	l := New()
	before := l.Hash()
	if err := l.AddActors(path); err != nil {
		t.Fatal(err)
	}
	if l.Hash() == before {
		t.Error("the hash did not change")
	}
	on := func(y int) time.Time { return time.Date(y, 6, 1, 0, 0, 0, 0, time.UTC) }
	e, n := l.MatchKnown([]string{"Amina", "Odhiambo", "said"})
	if n != 2 || e.CodeOn(on(2026)) != "KENGOV" || e.CodeOn(on(2020)) != "" {
		t.Errorf("Amina Odhiambo: %d words, codes %q and %q", n, e.CodeOn(on(2026)), e.CodeOn(on(2020)))
	}
	if e, n := l.MatchKnown([]string{"Barack", "Obama"}); n != 2 || e.CodeOn(on(2012)) != "USAELI" {
		t.Errorf("the correction of Barack Obama did not win: %q", e.CodeOn(on(2012)))
	}
	bad := filepath.Join(dir, "bad.tsv")
	if err := os.WriteFile(bad, []byte("# x\nNOBODY\tXXXGOV\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := l.AddActors(bad); err == nil || !strings.HasPrefix(err.Error(), bad+":2: ") {
		t.Errorf("bad file: %v, want an error at %s:2", err, bad)
	}
}
