package petrarch

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"dyad/internal/shared"
	"dyad/lexicon"
)

// TestImportReproducesData: converting the shared dictionaries gives the
// committed tables byte for byte.
func TestImportReproducesData(t *testing.T) {
	dir := filepath.Dir(shared.Path(t, "dictionaries/petrarch2/CAMEO.2.0.txt"))
	res, err := Import(dir)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := ImportPLOVER(shared.Path(t, "eval/plover/CAMEO2PLOVER-2021.txt"))
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	for _, r := range []*Result{res, pl} {
		if err := r.Write(out); err != nil {
			t.Fatal(err)
		}
		for _, f := range r.Files {
			got, _ := os.ReadFile(filepath.Join(out, f.Name))
			want, err := os.ReadFile(filepath.Join("..", "data", f.Name))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from lexicon/data/%s: re-run dyad lexicon import-petrarch / import-plover", f.Name, f.Name)
			}
		}
	}
	// The skipped lines are few, and each names its file and line.
	loc := regexp.MustCompile(`^[A-Za-z0-9.\-]+\.txt:\d+: \S`)
	for _, e := range append(res.Skipped, pl.Skipped...) {
		var le *LineError
		if !errors.As(e, &le) || !loc.MatchString(e.Error()) {
			t.Errorf("skipped line error %q does not name file:line", e)
		}
	}
	if n := len(res.Skipped); n == 0 || n > 400 {
		t.Errorf("%d lines skipped", n)
	}
	t.Logf("%d + %d source lines skipped", len(res.Skipped), len(pl.Skipped))
}

func TestRegularForms(t *testing.T) {
	for _, c := range []struct {
		verb string
		want []string
	}{
		{"visit", []string{"visits", "visited", "visiting"}},
		{"accuse", []string{"accuses", "accused", "accusing"}},
		{"agree", []string{"agrees", "agreed", "agreeing"}},
		{"deny", []string{"denies", "denied", "denying"}},
		{"convey", []string{"conveys", "conveyed", "conveying"}},
		{"reach", []string{"reaches", "reached", "reaching"}},
		{"press", []string{"presses", "pressed", "pressing"}},
		{"ban", []string{"bans", "banned", "banning"}},
		{"meet", []string{"meets", "meeted", "meeting"}}, // regular rule; the source lists "met"
		{"show", []string{"shows", "showed", "showing"}},
	} {
		if got := RegularForms(c.verb); !slices.Equal(got, c.want) {
			t.Errorf("RegularForms(%q) = %q, want %q", c.verb, got, c.want)
		}
	}
}

// A small dictionary in the source format, written for this test.
const verbSrc = `&ARMS_
+GUN
+HEAVY_WEAPON
&WORDS
+PLEDGE/PROMISE
--- PROVIDE [070] ---
SUPPLY {SUPPLIES SUPPLIED SUPPLYING} [071]
+HAND_OVER
- * &ARMS (TO +)  [072]  # SUPPLY
- * (TO/FOR REFUGEES) [073]
- * &ARMS (TO +)  [072]
- * &ARMS (TO +)  [073]
- * &NOSUCH [070]
- * AID [999]
- * {AID [070]
BAD VERB LINE
--- MEET [040] ---
MEET {MEETS MET MEETING}
- $ * (WITH +) [040:040]
`

func TestConvertVerbs(t *testing.T) {
	syn, verbs, n, err := ConvertVerbs("v.txt", []byte(verbSrc))
	wantSyn := "&arms\tgun|heavy weapon\n&words\tpledge/promise\n"
	if got := body(syn); got != wantSyn {
		t.Errorf("synsets:\n%s\nwant:\n%s", got, wantSyn)
	}
	wantVerbs := `block	PROVIDE	070
verb	supply	071	supplies|supplied|supplying
verb	hand over	-	hands over|handed over|handing over
pattern	* &arms (to +)	072
pattern	* (to refugees)	073
pattern	* (for refugees)	073

block	MEET	040
verb	meet	-	meets|met|meeting
pattern	$ * (with +)	040:040
`
	if got := body(verbs); got != wantVerbs {
		t.Errorf("verbs:\n%s\nwant:\n%s", got, wantVerbs)
	}
	if n != [2]int{2, 4} {
		t.Errorf("counts %v, want 2 synsets, 4 patterns", n)
	}
	wantErr := []string{
		`v.txt:12: pattern "* &arms (to +)" [073] is already listed in block PROVIDE at line 9 with [072]`,
		`v.txt:13: pattern "- * &NOSUCH [070]": synset &nosuch is not defined before it`,
		`v.txt:14: pattern "- * AID [999]": code "999" is not a CAMEO code`,
		`v.txt:15: pattern "- * {AID [070]": pattern "* {aid": { is not closed`,
		`v.txt:16: verb line "BAD VERB LINE" is not VERB {forms} [code]`,
	}
	if got := errLines(err); !slices.Equal(got, wantErr) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantErr, "\n"))
	}
	// The output loads: the lexicon's own parser accepts every pattern.
	for _, line := range strings.Split(body(verbs), "\n") {
		if f := strings.Split(line, "\t"); f[0] == "pattern" {
			if _, _, err := lexicon.ParsePattern(f[1]); err != nil {
				t.Error(err)
			}
		}
	}
}

const actorSrc = `# a comment
ALPHA_LAND_  [ALP]
+ALPHANIA_
+THE_ALPHA_REPUBLIC_(AR)_

JOHN_DOE_  ; CountryInfo.txt
	[ALPGOV 090120-170120]
	[ALPELI >170120]
	[ALPELI]
+J._DOE_
JANE_ROE_	[ALPGOV 2004017-20061201]
	[ALPOPP <991231]
+ALPHANIA_
X_
12345_ [ALP]
NO_CODE_AT_ALL_
`

func TestConvertActors(t *testing.T) {
	out, n, err := ConvertActors([]ActorFile{{"a.txt", []byte(actorSrc)}})
	want := "ALPHA LAND|ALPHANIA|THE ALPHA REPUBLIC\tALP\t-\n" +
		"JOHN DOE|J. DOE\tALPELI\tALPGOV 2009-01-20..2017-01-20|ALPELI 2017-01-20..\n" +
		"JANE ROE\t-\tALPOPP ..1999-12-31\n"
	if got := body(out); got != want {
		t.Errorf("actors:\n%q\nwant:\n%q", got, want)
	}
	if n != 3 {
		t.Errorf("%d actors, want 3", n)
	}
	wantErr := []string{
		`a.txt:11: "[ALPGOV 2004017-20061201]": date "2004017" is not YYMMDD or YYYYMMDD`,
		`a.txt:14: name "X" is a single letter`,
		`a.txt:15: name "12345" has no letters`,
	}
	if got := errLines(err); !slices.Equal(got, wantErr) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantErr, "\n"))
	}
}

func TestConvertAgentsAndDiscards(t *testing.T) {
	agents, n, err := ConvertAgents("ag.txt", []byte(`!PERSON! = MAN, WOMAN
FARMER [~AGR]
POLICE {} [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
CONGRESS!PERSON! [~LEG]
HUMAN_RIGHTS_BODY  [NGO~]
FARMER [~AGR]
BROKEN [GOV]
`))
	want := "farmer\tAGR\tfarmers\npolice\tCOP\t-\nattorney general\tGOV\tattorneys general\n" +
		"congressman\tLEG\t-\ncongresswoman\tLEG\t-\nhuman rights body\tNGO\thuman rights bodies\n"
	if got := body(agents); got != want || n != 6 {
		t.Errorf("agents (%d):\n%s\nwant:\n%s", n, got, want)
	}
	wantErr := []string{
		`ag.txt:7: "farmer" is already listed at line 2`,
		`ag.txt:8: "BROKEN [GOV]": code "GOV" is not ~CODE or CODE~`,
	}
	if got := errLines(err); !slices.Equal(got, wantErr) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantErr, "\n"))
	}
	disc, n, err := ConvertDiscards("d.txt", []byte("+WORLD CUP # x\nGROUP A_\nBASEBALL\nBASE BALL!\n"))
	if got := body(disc); got != "world cup\tstory\tstem\ngroup a\tsentence\tword\nbaseball\tsentence\tstem\n" || n != 3 {
		t.Errorf("discards (%d):\n%s", n, got)
	}
	if got := errLines(err); len(got) != 1 || !strings.HasPrefix(got[0], "d.txt:4: ") {
		t.Errorf("errors %q", got)
	}
}

func TestConvertPLOVER(t *testing.T) {
	out, n, err := ConvertPLOVER("p.txt", []byte(`# header
04: CONSULT
042: CONSULT, visit,   # Make a visit
1121: ACCUSE, allege, crime; corruption # Accuse of crime, corruption
042: AID, ,
999: AID, ,
043: consult, ,
~~~~~
`))
	want := "04\tCONSULT\t-\t-\n042\tCONSULT\tvisit\t-\n1121\tACCUSE\tallege\tcrime;corruption\n"
	if got := body(out); got != want || n != 3 {
		t.Errorf("plover (%d):\n%s\nwant:\n%s", n, got, want)
	}
	wantErr := []string{
		`p.txt:5: code 042 is already listed at line 3`,
		`p.txt:6: "999: AID, ," does not start with a CAMEO code and a colon`,
		`p.txt:7: code 043: event type "consult" is not one upper-case word`,
	}
	if got := errLines(err); !slices.Equal(got, wantErr) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantErr, "\n"))
	}
}

// body drops the header comment and blank lines before the data.
func body(b []byte) string {
	var out []string
	for _, l := range strings.SplitAfter(string(b), "\n") {
		if !strings.HasPrefix(l, "# ") && l != "#\n" && !(len(out) == 0 && l == "\n") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "")
}

func errLines(err error) []string {
	var r Result
	r.add(err)
	var out []string
	for _, e := range r.Skipped {
		out = append(out, e.Error())
	}
	return out
}
