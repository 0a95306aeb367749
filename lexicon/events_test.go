package lexicon

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"

	"dyad"
	"dyad/internal/shared"
)

// TestCAMEO pins well-known codes to the CAMEO codebook and the Goldstein
// values published with GDELT (CAMEO.goldsteinscale.txt).
func TestCAMEO(t *testing.T) {
	for _, c := range []struct {
		code      string
		want      string // code the entry has (a parent after fallback)
		name      string
		quad      int
		goldstein float64
	}{
		{"01", "01", "Make public statement", 1, 0},
		{"010", "010", "Make statement, not specified below", 1, 0},
		{"036", "036", "Express intent to meet or negotiate", 1, 4.0},
		{"040", "040", "Consult, not specified below", 1, 1.0},
		{"042", "042", "Make a visit", 1, 1.9},
		{"043", "043", "Host a visit", 1, 2.8},
		{"046", "046", "Engage in negotiation", 1, 7.0},
		{"051", "051", "Praise or endorse", 1, 3.4},
		{"057", "057", "Sign formal agreement", 1, 8.0},
		{"0871", "0871", "Declare truce, ceasefire", 2, 9.0},
		{"0874", "0874", "Retreat or surrender militarily", 2, 10.0},
		{"111", "111", "Criticize or denounce", 3, -2.0},
		{"130", "130", "Threaten, not specified below", 3, -4.4},
		{"163", "163", "Impose embargo, boycott, or sanctions", 4, -8.0},
		{"173", "173", "Arrest, detain, or charge with legal action", 4, -5.0},
		{"1823", "1823", "Kill by physical assault", 4, -10.0},
		{"190", "190", "Use conventional military force, not specified below", 4, -10.0},
		{"195", "195", "Employ aerial weapons", 4, -10.0},
		{"0429", "042", "Make a visit", 1, 1.9}, // not in the table: its parent
	} {
		got, ok := CAMEO(c.code)
		want := CAMEOCode{Code: c.want, Name: c.name, Quad: c.quad, Goldstein: c.goldstein}
		if !ok || got != want {
			t.Errorf("CAMEO(%q) = %+v, %v; want %+v", c.code, got, ok, want)
		}
	}
	for _, code := range []string{"", "0", "21", "999", "04x", "04299"} {
		if got, ok := CAMEO(code); ok {
			t.Errorf("CAMEO(%q) = %+v, want none", code, got)
		}
	}
}

// TestCAMEOTable checks the whole table's shape: every root from 01 to 20
// is there, every code's parent is there, QuadClass follows the root.
func TestCAMEOTable(t *testing.T) {
	tab := codes().cameo
	if len(tab) < 290 {
		t.Errorf("%d CAMEO codes, want the whole codebook (≥ 290)", len(tab))
	}
	for code := range tab {
		if len(code) > 2 && !IsCAMEO(code[:len(code)-1]) {
			t.Errorf("%s: parent %s is missing", code, code[:len(code)-1])
		}
	}
	for r := 1; r <= 20; r++ {
		root := string(rune('0'+r/10)) + string(rune('0'+r%10))
		if !IsCAMEO(root) || !IsCAMEO(root+"0") {
			t.Errorf("root %s or %s0 is missing", root, root)
		}
	}
}

// TestPLOVER pins rows of the embedded table to CAMEO2PLOVER-2021.txt,
// and the fallback to parents.
func TestPLOVER(t *testing.T) {
	for _, c := range []struct {
		code string
		want dyad.PLOVER
		ok   bool
	}{
		{"042", dyad.PLOVER{Type: "CONSULT", Mode: "visit"}, true},
		{"036", dyad.PLOVER{Type: "AGREE", Context: "diplomatic"}, true},
		{"057", dyad.PLOVER{Type: "SUPPORT", Context: "diplomatic"}, true},
		{"0871", dyad.PLOVER{Type: "RETREAT", Mode: "ceasefire", Context: "military"}, true},
		{"1121", dyad.PLOVER{Type: "ACCUSE", Mode: "allege", Context: "crime;corruption"}, true},
		{"163", dyad.PLOVER{Type: "COERCE", Mode: "restrict", Context: "diplomatic"}, true},
		{"08", dyad.PLOVER{Type: "CONCEDE"}, true}, // listed twice: the first row
		{"195", dyad.PLOVER{Type: "ASSAULT", Mode: "heavy-weapons", Context: "military"}, true},
		{"0425", dyad.PLOVER{Type: "CONSULT", Mode: "visit"}, true},    // parent 042
		{"0815", dyad.PLOVER{Type: "CONCEDE", Context: "legal"}, true}, // parent 081
		{"010", dyad.PLOVER{}, false},
		{"0211", dyad.PLOVER{}, false},
	} {
		got, ok := PLOVER(c.code)
		if got != c.want || ok != c.ok {
			t.Errorf("PLOVER(%q) = %+v, %v; want %+v, %v", c.code, got, ok, c.want, c.ok)
		}
	}
}

// TestPLOVERFile checks every code of the published table against the
// embedded one: the type and mode of its first row.
func TestPLOVERFile(t *testing.T) {
	f, err := os.Open(shared.Path(t, "eval/plover/CAMEO2PLOVER-2021.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seen := map[string]bool{}
	n := 0
	for sc := bufio.NewScanner(f); sc.Scan(); {
		line, _, _ := strings.Cut(sc.Text(), "#")
		code, rest, ok := strings.Cut(line, ":")
		code = strings.TrimSpace(code)
		if !ok || seen[code] || !IsCAMEO(code) {
			continue
		}
		seen[code] = true
		fields := strings.Split(rest, ",")
		got, ok := PLOVER(code)
		if !ok || got.Type != strings.TrimSpace(fields[0]) || len(fields) > 1 && got.Mode != strings.TrimSpace(fields[1]) {
			t.Errorf("%s: embedded %+v, published %q", code, got, rest)
		}
		n++
	}
	if n < 250 {
		t.Errorf("compared %d rows, want the whole table", n)
	}
}

func TestVerbLemma(t *testing.T) {
	l := Default()
	for _, c := range []struct{ form, want string }{
		{"meet", "meet"},
		{"met", "meet"},        // irregular, from {…}
		{"Meets", "meet"},      // any case
		{"visited", "visit"},   // regular
		{"accusing", "accuse"}, // e dropped
		{"hurries", "hurry"},   // irregular list
		{"gave notice", "give notice"},
		{"gave  Notice", "give notice"}, // spaces and case
		{"asks for", "ask for"},
	} {
		if got, ok := l.VerbLemma(c.form); !ok || got != c.want {
			t.Errorf("VerbLemma(%q) = %q, %v; want %q", c.form, got, ok, c.want)
		}
	}
	for _, form := range []string{"", "meeted", "Baku", "notice gave"} {
		if got, ok := l.VerbLemma(form); ok {
			t.Errorf("VerbLemma(%q) = %q, want none", form, got)
		}
	}
}

func TestVerbPatterns(t *testing.T) {
	l := Default()
	if l.VerbPatterns("no-such-verb") != nil {
		t.Error("patterns for an unknown verb")
	}
	for _, lemma := range []string{"meet", "visit", "ask", "accuse", "give notice", "wire tap"} {
		ps := l.VerbPatterns(lemma)
		if len(ps) == 0 {
			t.Errorf("%s: no patterns", lemma)
			continue
		}
		last := ps[len(ps)-1]
		if len(last.Before)+len(last.After) != 0 {
			t.Errorf("%s: last pattern %+v is not the default", lemma, last)
		}
		for i, p := range ps {
			if p.Verb != lemma {
				t.Errorf("%s: pattern %d has verb %q", lemma, i, p.Verb)
			}
			if i > 0 && len(p.Before)+len(p.After) > len(ps[i-1].Before)+len(ps[i-1].After) {
				t.Errorf("%s: pattern %d has more words than pattern %d", lemma, i, i-1)
			}
		}
	}
	// A verb's own code overrides its block's: ASK [020] in a [---] block.
	if ps := l.VerbPatterns("ask"); ps[len(ps)-1].Code != "020" {
		t.Errorf("ask: default code %q, want 020", ps[len(ps)-1].Code)
	}
	// VISIT's block is [042:043]: a visit and the paired hosting.
	if ps := l.VerbPatterns("visit"); ps[len(ps)-1].Code != "042" || ps[len(ps)-1].Reverse != "043" {
		t.Errorf("visit: default %+v, want 042 paired with 043", ps[len(ps)-1])
	}
	// "rush" shares its block with "accelerate": rushing food is
	// humanitarian aid, through the &food synset.
	found := false
	for _, p := range l.VerbPatterns("rush") {
		if slices.Equal(p.After, []string{"&food"}) && p.Code == "073" {
			found = true
		}
	}
	if !found {
		t.Error("rush: no pattern * &food [073]")
	}
	// A pattern verbs-dyad.tsv gives again takes its code there: ratifying
	// a treaty is 057, not the 031:031 of CAMEO.2.0.txt, and is listed once.
	var codes []string
	for _, p := range l.VerbPatterns("ratify") {
		if slices.Equal(p.After, []string{"&treaty"}) {
			codes = append(codes, p.Code+":"+p.Reverse)
		}
	}
	if !slices.Equal(codes, []string{"057:"}) {
		t.Errorf("ratify * &treaty: codes %v, want [057:]", codes)
	}
}

func TestSynset(t *testing.T) {
	l := Default()
	food := l.Synset("&food")
	if !slices.Contains(food, "food") || !slices.Contains(food, "foodstuff") {
		t.Errorf("Synset(&food) = %q", food)
	}
	if got := l.Synset("FOOD"); !slices.Equal(got, food) {
		t.Errorf("Synset(FOOD) = %q, want the same as &food", got)
	}
	if got := l.Synset("&nosuch"); got != nil {
		t.Errorf("Synset(&nosuch) = %q", got)
	}
}

func TestNounKey(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"talks", "talk"}, {"Talk", "talk"}, {"rallies", "rally"}, {"rally", "rally"},
		{"marches", "march"}, {"crises", "crisis"}, {"crisis", "crisis"}, {"men", "man"},
		{"press", "press"}, {"status", "status"}, {"gas", "gas"}, {"sanctions", "sanction"},
	} {
		if got := NounKey(c.in); got != c.want {
			t.Errorf("NounKey(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestParsePattern(t *testing.T) {
	for _, c := range []struct {
		in            string
		before, after []PatternGroup
		err           string
	}{
		{in: "* (to)", after: []PatternGroup{{Prep: "to"}}},
		{in: "&military * (to border)", before: []PatternGroup{{Words: []string{"&military"}}},
			after: []PatternGroup{{Prep: "to", Words: []string{"border"}}}},
		{in: "* (for {financial aid}) $", after: []PatternGroup{{Prep: "for", Words: []string{"financial", "aid"}}, {Words: []string{"$"}}}},
		{in: "* Leave ^ INTO +", after: []PatternGroup{{Words: []string{"leave"}}, {Words: []string{"^"}}, {Words: []string{"into"}}, {Words: []string{"+"}}}},
		{in: "(to)", err: "no *"},
		{in: "* * aid", err: "more than one *"},
		{in: "* {aid", err: "not closed"},
		{in: "* (for aid", err: "not closed"},
		{in: "* {}", err: "empty"},
		{in: "* aid!", err: "unexpected"},
		{in: "* ()", err: "preposition"},
	} {
		b, a, err := ParsePattern(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("ParsePattern(%q) error %v, want %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil || !slices.EqualFunc(b, c.before, groupEq) || !slices.EqualFunc(a, c.after, groupEq) {
			t.Errorf("ParsePattern(%q) = %v, %v, %v; want %v, %v", c.in, b, a, err, c.before, c.after)
		}
	}
}

func groupEq(a, b PatternGroup) bool { return a.Prep == b.Prep && slices.Equal(a.Words, b.Words) }

func TestParseCode(t *testing.T) {
	for _, c := range []struct{ in, code, rev, err string }{
		{"042", "042", "", ""}, {"042:043", "042", "043", ""}, {":173", "", "173", ""},
		{"---", "", "", ""}, {"", "", "", ""}, {"999", "", "", "not a CAMEO code"}, {"080!", "", "", "not a CAMEO code"},
	} {
		code, rev, err := ParseCode(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("ParseCode(%q) error %v, want %q", c.in, err, c.err)
			}
		} else if code != c.code || rev != c.rev || err != nil {
			t.Errorf("ParseCode(%q) = %q, %q, %v", c.in, code, rev, err)
		}
	}
}

func TestNominal(t *testing.T) {
	l := Default()
	for _, c := range []struct{ noun, code, first string }{
		{"visit", "042", "visit"}, {"Visits", "042", "visit"}, {"talks", "040", "talk"},
		{"negotiations", "046", "negotiation"}, {"sanctions", "163", "sanction"},
		{"cease-fire", "0871", "ceasefire"}, {"truce", "0871", "ceasefire"},
		{"air strikes", "195", "airstrike"}, {"airstrikes", "195", "airstrike"},
		{"arrest", "173", "arrest"}, {"condemnation", "111", "condemnation"},
	} {
		n, ok := l.Nominal(c.noun)
		if !ok || n.Code != c.code || n.Noun != c.first {
			t.Errorf("Nominal(%q) = %+v, %v; want code %s, noun %q", c.noun, n, ok, c.code, c.first)
		}
	}
	if n, _ := l.Nominal("visit"); !slices.Equal(n.Target, []string{"to"}) || !slices.Contains(n.Source, "by") {
		t.Errorf("visit: target %q, source %q", n.Target, n.Source)
	}
	if n, _ := l.Nominal("sanctions"); !slices.Equal(n.Target, []string{"on", "against"}) {
		t.Errorf("sanctions: target %q", n.Target)
	}
	for _, noun := range []string{"", "minister", "visitor"} {
		if n, ok := l.Nominal(noun); ok {
			t.Errorf("Nominal(%q) = %+v, want none", noun, n)
		}
	}
}

// TestHashCoversEveryFile: each embedded file is one source of the hash,
// so a change to any table changes it.
func TestHashCoversEveryFile(t *testing.T) {
	files, err := dataFS.ReadDir("data")
	if err != nil {
		t.Fatal(err)
	}
	if got := len(New().sources); got != len(files) {
		t.Errorf("hash covers %d sources, data/ has %d files", got, len(files))
	}
}

func TestActPLOVER(t *testing.T) {
	l := Default()
	if p, ok := l.ActPLOVER("resign", "083"); !ok || p.Type != "RETREAT" || p.Mode != "resign" {
		t.Errorf("resign 083: %+v, %v; want RETREAT, mode resign", p, ok)
	}
	if p, ok := l.ActPLOVER("resign", "140"); ok {
		t.Errorf("resign 140 (in protest): %+v, want the table's coding", p)
	}
	for _, lemma := range []string{"impose", ""} { // any verb, or a noun
		if p, ok := l.ActPLOVER(lemma, "163"); !ok || p.Type != "SANCTION" {
			t.Errorf("%q 163: %+v, %v; want SANCTION", lemma, p, ok)
		}
	}
	if !l.OwnCode("resign") || l.OwnCode("vacate") {
		t.Errorf("OwnCode resign %v, vacate %v; want true, false", l.OwnCode("resign"), l.OwnCode("vacate"))
	}
	const block = "block\tRESIGN\t---\nverb\tresign\t083\n"
	for line, want := range map[string]string{
		"plover\tresign\t083":                  "want lemma, code",
		"plover\tresign\t999\tRETREAT":         "not a CAMEO code",
		"plover\tresign\t083\t-\tresign":       "no type",
		"plover\tno-such-verb\t083\tRETREAT":   "no such verb",
		"plover\tresign\t083\tRETREAT\tresign": "",
	} {
		v := newVerbs()
		err := v.load(nil, file{"bad.tsv", []byte(block + line)})
		if want == "" && err != nil || want != "" && (err == nil || !strings.HasPrefix(err.Error(), "bad.tsv:3: plover") || !strings.Contains(err.Error(), want)) {
			t.Errorf("%q: error %v, want one of bad.tsv:3 saying %q", line, err, want)
		}
	}
}
