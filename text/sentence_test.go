package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"dyad"
)

func TestSentences(t *testing.T) {
	// Sentences are listed separated by "|".
	tests := []struct{ in, want string }{
		// A quote of two sentences splits between them: each is a sentence
		// of its own, and the attribution belongs to the last one.
		{
			"BAKU – Israeli Foreign Minister Gideon Sa’ar announced on Monday that Tel Aviv is seeking to consolidate its strategic partnership with Azerbaijan. “There are 20 weekly flights, and 60,000 Israeli tourists visited Azerbaijan in 2025. I believe we can significantly increase that number in 2026,” Sa’ar said. Trade rose by nearly 50 percent, reaching over $360 million last year, U.S. officials said.",
			"BAKU – Israeli Foreign Minister Gideon Sa’ar announced on Monday that Tel Aviv is seeking to consolidate its strategic partnership with Azerbaijan." +
				"|“There are 20 weekly flights, and 60,000 Israeli tourists visited Azerbaijan in 2025." +
				"|I believe we can significantly increase that number in 2026,” Sa’ar said." +
				"|Trade rose by nearly 50 percent, reaching over $360 million last year, U.S. officials said.",
		},
		// Line breaks always end a sentence: headlines, datelines, paragraphs.
		{"Israel-Azerbaijan relations expand\nBAKU – Sa’ar arrived on Monday", "Israel-Azerbaijan relations expand|BAKU – Sa’ar arrived on Monday"},
		{"One.\r\n\r\n  Two and\nthree", "One.|Two and|three"},
		{"Ends here. and goes on", "Ends here. and goes on"},
		{"It rose.The end.", "It rose.The end."},
		// ! and ?, inside quotes or not.
		{"“Why?” he asked. “Because.”", "“Why?” he asked.|“Because.”"},
		{"“Who pays? The taxpayer does,” he wrote.", "“Who pays?|The taxpayer does,” he wrote."},
		{"What?! No way!!! Really.", "What?!|No way!!!|Really."},
		{"He left (for good.) Then she came.", "He left (for good.)|Then she came."},
		{`He said "no." Then he left.`, `He said "no."|Then he left.`},
		{`It ended. "We won," he said.`, `It ended.|"We won," he said.`},
		{"It grew. 60,000 came. $5 was paid.", "It grew.|60,000 came.|$5 was paid."},
		{"It grew. (Reuters) More.", "It grew.|(Reuters) More."},
		// Titles and other abbreviations before names and numbers.
		{"Gov. Smith met Mr. Sa'ar and Dr. Jones on Jan. 5 in St. Petersburg.", "Gov. Smith met Mr. Sa'ar and Dr. Jones on Jan. 5 in St. Petersburg."},
		{"He met Gen. Tal. The talks ended.", "He met Gen. Tal.|The talks ended."},
		{"John F. Kennedy and Resolution No. 242 and vs. Iran", "John F. Kennedy and Resolution No. 242 and vs. Iran"},
		{"They met at 10 a.m. Monday. It rained.", "They met at 10 a.m. Monday.|It rained."},
		// U.S. and friends end a sentence only before a sentence starter.
		{"mediated by U.S. President Donald Trump.", "mediated by U.S. President Donald Trump."},
		{"He visited the U.S. The trip was short.", "He visited the U.S.|The trip was short."},
		{"It joined the E.U. Officials cheered. It lost the U.K. In March, it left.", "It joined the E.U. Officials cheered.|It lost the U.K.|In March, it left."},
		{"shares of Acme Inc. fell. It bought Acme Corp. The deal closed.", "shares of Acme Inc. fell.|It bought Acme Corp.|The deal closed."},
		// Ellipses.
		{"He paused... Then spoke. It was... fine.", "He paused...|Then spoke.|It was... fine."},
		{"Wait… Now.", "Wait…|Now."},
		// Datelines stay with their sentence.
		{"VALLETTA – Ministers met. They agreed.", "VALLETTA – Ministers met.|They agreed."},
		// Capitals outside ASCII and uncased scripts start sentences too.
		{"Done. Über alles. ירושלים.", "Done.|Über alles.|ירושלים."},
		{"", ""},
		{"  \n ", ""},
		{"  Padded.  ", "Padded."},
	}
	for _, tt := range tests {
		spans := Sentences(tt.in)
		checkSentences(t, tt.in, spans)
		got := make([]string, len(spans))
		for i, sp := range spans {
			got[i] = tt.in[sp.Start:sp.End]
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, g, tt.want)
		}
	}
}

// checkSentences checks that spans are sentences of s: non-empty, ordered,
// disjoint, inside s, trimmed, made of whole tokens, and covering every
// byte that is not white space.
func checkSentences(t *testing.T, s string, spans []dyad.Span) {
	t.Helper()
	bounds := map[int]bool{}
	for _, tok := range Tokenize(s) {
		bounds[tok.Start], bounds[tok.End] = true, true
	}
	covered := make([]bool, len(s))
	prev := 0
	for _, sp := range spans {
		if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
			t.Fatalf("%q: bad sentence %+v after offset %d: %+v", s, sp, prev, spans)
		}
		if !bounds[sp.Start] || !bounds[sp.End] {
			t.Fatalf("%q: sentence %+v cuts a token", s, sp)
		}
		prev = sp.End
		for i := sp.Start; i < sp.End; i++ {
			covered[i] = true
		}
		first, _ := utf8.DecodeRuneInString(s[sp.Start:sp.End])
		last, _ := utf8.DecodeLastRuneInString(s[sp.Start:sp.End])
		if isSpace(first) || isSpace(last) {
			t.Fatalf("%q: sentence %q is not trimmed", s, s[sp.Start:sp.End])
		}
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isSpace(r) && !covered[i] {
			t.Fatalf("%q: byte %d (%q) is in no sentence: %+v", s, i, s[i:i+n], spans)
		}
		i += n
	}
}

// TestSentencesSeeds splits the seed articles: each paragraph line ends a
// sentence, and no abbreviation or quote breaks one in the middle.
func TestSentencesSeeds(t *testing.T) {
	files, _ := filepath.Glob("../../shared/seeds/*.txt")
	if len(files) == 0 {
		t.Skip("no seed articles in ../../shared/seeds")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		spans := Sentences(s)
		checkSentences(t, s, spans)
		for _, sp := range spans {
			sent := s[sp.Start:sp.End]
			if strings.HasSuffix(sent, "U.S.") || strings.HasPrefix(sent, "President Donald Trump") {
				t.Errorf("%s: split after U.S.: %q", f, sent)
			}
			if strings.Contains(sent, "\n") {
				t.Errorf("%s: sentence spans a line break: %q", f, sent)
			}
		}
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		newsText[:800], "“Why?” he asked.", "U.S. The", "a.\n\nB", "Gov. Smith", "...",
		"?!”) A", "x.\u2028Y", "\xff. \xc3A", "No. 5", "A. B. C.", " ”. ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSentences(t, s, Sentences(s))
	})
}
