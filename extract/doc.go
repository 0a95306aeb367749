package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad"
	"dyad/text"
)

// doc is an article split into sentences and tokens. Every stage of the
// extraction reads it; none changes it.
type doc struct {
	text  string
	sents []sentence
}

type sentence struct {
	dyad.Span
	toks  []text.Token
	words []string // toks[i].Text, for lexicon matching
	lows  []string // words in lower case with straight apostrophes
}

func newDoc(s string) *doc {
	d := &doc{text: s}
	for _, sp := range text.Sentences(s) {
		toks := text.TokenizeSpan(s, sp)
		if len(toks) == 0 {
			continue
		}
		words, lows := make([]string, len(toks)), make([]string, len(toks))
		for i, t := range toks {
			words[i] = t.Text
			lows[i] = strings.ToLower(strings.ReplaceAll(t.Text, "’", "'"))
		}
		d.sents = append(d.sents, sentence{Span: sp, toks: toks, words: words, lows: lows})
	}
	return d
}

// sentenceAt returns the index of the sentence holding byte offset off, or
// -1.
func (d *doc) sentenceAt(off int) int {
	for i, s := range d.sents {
		if off >= s.Start && off < s.End {
			return i
		}
	}
	return -1
}

// lower returns word i of sentence s in lower case, with curly apostrophes
// made straight.
func (s *sentence) lower(i int) string {
	if i < 0 || i >= len(s.lows) {
		return ""
	}
	return s.lows[i]
}

// span returns the byte span of tokens [from, to).
func (s *sentence) span(from, to int) dyad.Span {
	return dyad.Span{Start: s.toks[from].Start, End: s.toks[to-1].End}
}

// isCapitalized reports whether w begins with an upper-case letter.
func isCapitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isWord reports whether w holds a letter.
func isWord(w string) bool {
	return strings.IndexFunc(w, unicode.IsLetter) >= 0
}

// isNumber reports whether w is a number as the tokenizer gives it: digits
// with optional thousands separators and decimal part.
func isNumber(w string) bool {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if (c < '0' || c > '9') && c != ',' && c != '.' {
			return false
		}
	}
	return w[len(w)-1] != ',' && w[len(w)-1] != '.'
}

// set makes a lookup table of words.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var (
	// locative marks a following name as a place: "in Baku".
	locative = set("in", "at", "to", "from", "into", "near", "across", "throughout",
		"around", "via", "toward", "towards", "inside", "outside", "within", "through",
		"onto")
	// notVerb lists lower-case words that can follow a name without that name
	// being the agent of a verb.
	notVerb = set("and", "or", "but", "of", "in", "at", "to", "from", "on", "for", "with",
		"by", "as", "the", "a", "an", "that", "which", "who", "whose", "where", "while",
		"after", "before", "during", "since", "until", "into", "than", "because", "if",
		"its", "their", "his", "her", "this", "these", "those", "nor", "so", "such", "per",
		"between", "among", "about", "over", "under", "through", "via", "amid", "formerly")
	// auxiliaries are verbs without the -s/-ed shape.
	auxiliaries = set("is", "was", "are", "were", "has", "have", "had", "will", "would",
		"could", "can", "may", "might", "must", "should", "does", "did", "do", "shall",
		"remains", "sees", "hopes", "wants", "seeks", "says", "said", "told", "made",
		"took", "gave", "sent", "met", "won", "lost", "led", "held", "cut", "put", "set",
		"let", "saw", "knew", "became", "began", "chose", "broke", "fell", "stood",
		"struck", "signed", "urged", "vowed", "also", "again", "now", "still", "then",
		"already", "reportedly", "recently", "immediately", "strongly", "repeatedly")
)

// verbAfter reports whether the token after index i of s looks like a verb
// whose agent is the word at i: "Tel Aviv is seeking", "Baku hopes". It is a
// guess from word shape until the parser arrives.
func (s *sentence) verbAfter(i int) bool {
	w := s.lower(i + 1)
	if w == "" || !isWord(w) || isCapitalized(s.words[i+1]) || notVerb[w] {
		return false
	}
	if w == "'s" {
		return true // possessive: "Ankara's influence" is the state's
	}
	if auxiliaries[w] {
		return true
	}
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "ed")
}
