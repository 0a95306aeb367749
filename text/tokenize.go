package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad"
)

// Token is a word, number or punctuation mark; Text == s[Start:End].
type Token struct {
	Start, End int
	Text       string
}

// Tokenize splits s into tokens with byte offsets into s.
//
// The rules follow Penn Treebank / UD English conventions for news:
//   - numbers keep their separators: "60,000", "3.5", "1,200.50", "10:30",
//     "24/7"; a hyphen between two digits splits ("2024", "-", "2025") so a
//     range yields both ends;
//   - currency symbols and "%" are tokens of their own: "$", "360";
//   - abbreviations keep their period: "U.S.", "a.m.", "F." (an initial),
//     "Mr.", "Gov.", "Inc.", "Jan." (see abbrevs), "No." before a number;
//   - clitics split: "Azerbaijan" "’s", "do" "n't", "we" "'re", "can"
//     "not"; any other apostrophe between letters stays inside the word
//     ("Sa’ar", "O'Neill");
//   - hyphenated words stay whole ("high-level", "F-16"); the en dash and em
//     dash always split, so "Azerbaijani–Israeli" is "Azerbaijani" "–"
//     "Israeli": en dashes join two parties or mark a dateline, and each
//     side is a name of its own (UD, by contrast, also splits "-");
//   - URLs, e-mail addresses, @handles and #hashtags are one token;
//   - a run of one ASCII mark from ".-!?*=_~" is one token: the ellipsis
//     "...", the dash "--", "!!!" (as in UD); every other punctuation mark
//     or symbol is a token by itself, with any combining marks after it.
//
// Invalid UTF-8 bytes become one-byte tokens.
func Tokenize(s string) []Token {
	return TokenizeSpan(s, dyad.Span{Start: 0, End: len(s)})
}

// TokenizeSpan tokenizes s[sp.Start:sp.End], offsets still into s. The
// span is clipped to s; text outside it does not influence the tokens.
func TokenizeSpan(s string, sp dyad.Span) []Token {
	lo, hi := max(sp.Start, 0), min(sp.End, len(s))
	if lo >= hi {
		return nil
	}
	t := s[lo:hi]
	// English news averages about one token per 5.5 bytes; len/5 rarely
	// needs a second allocation.
	toks := make([]Token, 0, len(t)/5+4)
	for i := 0; ; {
		a, b := nextToken(t, i)
		if a == b {
			return toks
		}
		toks = append(toks, Token{Start: lo + a, End: lo + b, Text: t[a:b]})
		i = b
	}
}

// nextToken returns the bounds of the first token at or after s[i]; a == b
// when there is none.
func nextToken(s string, i int) (a, b int) {
	for i < len(s) {
		r, n := runeAt(s, i)
		if !isSpace(r) {
			return i, tokenEnd(s, i)
		}
		i += n
	}
	return len(s), len(s)
}

// runs are the ASCII punctuation marks whose repeats form one token: the
// ellipsis "...", the dash "--", "!!!", rules like "***" or "===".
const runs = ".-!?*=_~"

// tokenEnd returns the end of the token that starts at s[i], which is not
// white space.
func tokenEnd(s string, i int) int {
	r, n := runeAt(s, i)
	switch {
	case isWordRune(r):
		return wordEnd(s, i)
	case r == utf8.RuneError && n == 1:
		return i + 1
	case r < utf8.RuneSelf && strings.IndexByte(runs, byte(r)) >= 0 && repeat(s, i, byte(r)) > 1:
		return i + repeat(s, i, byte(r))
	case r == '.':
		if i+1 < len(s) && isDigit(rune(s[i+1])) && !isWordRune(lastRune(s, i)) {
			return wordEnd(s, i+1) // ".5"
		}
	case r == '@':
		if !isWordRune(lastRune(s, i)) {
			if j := handleEnd(s, i+1); j > i+1 {
				return j
			}
		}
	case r == '#':
		if next, _ := runeAt(s, i+1); isLetter(next) {
			j := i + 1
			for j < len(s) {
				r, m := runeAt(s, j)
				if !isWordRune(r) && r != '_' {
					break
				}
				j += m
			}
			return j
		}
	case isApostrophe(r):
		// The clitic left over after wordEnd split "Azerbaijan’s".
		if p := lastRune(s, i); isWordRune(p) || p == '.' {
			if k := cliticLen(s[i+n:]); k > 0 {
				return i + n + k
			}
		}
	}
	j := i + n
	for j < len(s) {
		r, m := runeAt(s, j)
		if !isMark(r) {
			break
		}
		j += m
	}
	return j
}

// wordEnd returns the end of the word, number, URL or e-mail address that
// starts with the word character at s[i].
func wordEnd(s string, i int) int {
	// Most words are ASCII letters or digits followed by a space: scan those
	// first, and look for a URL or e-mail address only if a character that
	// can continue one follows.
	j := i
	for j < len(s) && s[j] < utf8.RuneSelf && ascii[s[j]]&(cLetter|cDigit) != 0 {
		j++
	}
	if j < len(s) && j > i && (s[j] == '@' || s[j] == ':' || s[j] < utf8.RuneSelf && ascii[s[j]]&cLocal != 0) {
		if k := urlEnd(s, i); k > i {
			return k
		}
		if k := emailEnd(s, i); k > i {
			return k
		}
	}
	seg := i     // start of the current period-separated segment
	abbr := true // every period so far follows a one-letter segment: U.S
	dots := false
	apos := false // an apostrophe joined: the word may end in a clitic
	var prev rune // the last word character
	if j > i {
		prev = rune(s[j-1])
	}
	for j < len(s) {
		r, n := runeAt(s, j)
		if isWordRune(r) {
			prev = r
			j += n
			continue
		}
		// r may join the word only if a word character follows it.
		next, _ := runeAt(s, j+n)
		if !isWordRune(next) {
			break
		}
		join := false
		switch {
		case isApostrophe(r):
			join = isLetter(next)
			apos = apos || join
		case r == '-' || r == '‐' || r == '‑':
			join = !(isDigit(prev) && isDigit(next))
		case r == '.':
			switch {
			case isDigit(prev) && isDigit(next):
				join, abbr = true, false
			case isLetter(next) && isOneLetter(s[seg:j]):
				join = true
			case isLower(next): // a domain: paulhastings.com, Node.js
				join, abbr = true, false
			}
			if join {
				dots, seg = true, j+n
			}
		case r == ',':
			join = isDigit(prev) && threeDigits(s[j+1:])
		case r == ':' || r == '/':
			join = isDigit(prev) && isDigit(next)
		case r == '&':
			join = isUpper(prev) && isUpper(next) && prev < utf8.RuneSelf // AT&T
		}
		if !join {
			break
		}
		j += n
	}
	if apos {
		if k := cliticAt(s[i:j]); k > 0 {
			return i + k
		}
	}
	if j-i == 6 && strings.EqualFold(s[i:j], "cannot") {
		return i + 3 // can not
	}
	// A period right after the word belongs to it if the word is an
	// abbreviation; "U.S..." keeps its ellipsis.
	if j < len(s) && s[j] == '.' && (j+1 == len(s) || s[j+1] != '.') {
		w := s[i:j]
		if (abbr && dots && isOneLetter(s[seg:j])) || isInitial(w) || isAbbrev(w, s[j+1:]) {
			return j + 1
		}
	}
	return j
}

// clitics are the contractions split off a word after an apostrophe; n't is
// handled apart because it takes the n with it.
var clitics = [...]string{"s", "d", "m", "re", "ve", "ll"}

// cliticAt returns where a clitic starts in the word w ("do|n't",
// "Azerbaijan|’s"), or 0.
func cliticAt(w string) int {
	if l := len(w); l >= 4 && (w[l-1] == 't' || w[l-1] == 'T') {
		if a, n := utf8.DecodeLastRuneInString(w[:l-1]); isApostrophe(a) {
			if k := l - 1 - n; k >= 2 && (w[k-1] == 'n' || w[k-1] == 'N') {
				return k - 1
			}
		}
	}
	for _, c := range clitics {
		l := len(w) - len(c)
		if l < 2 || !strings.EqualFold(w[l:], c) {
			continue
		}
		if a, n := utf8.DecodeLastRuneInString(w[:l]); isApostrophe(a) && l > n {
			return l - n
		}
	}
	return 0
}

// cliticLen returns the length of the clitic that starts s and ends a word,
// or 0.
func cliticLen(s string) int {
	for _, c := range clitics {
		if len(s) >= len(c) && strings.EqualFold(s[:len(c)], c) {
			if r, _ := runeAt(s, len(c)); !isWordRune(r) {
				return len(c)
			}
		}
	}
	return 0
}

// Abbreviation kinds, for the sentence splitter.
const (
	abbrEnds   = 1 + iota // may end a sentence: "Inc.", "Jan.", "etc."
	abbrTitle             // precedes a name, never ends a sentence: "Gov."
	abbrNumber            // precedes a number: "No. 1"
)

// abbrevs are the words that keep their period. Case matters: "no." and
// "Mar." are not "No." and "mar.".
var abbrevs = map[string]uint8{
	"Mr": abbrTitle, "Mrs": abbrTitle, "Ms": abbrTitle, "Messrs": abbrTitle,
	"Dr": abbrTitle, "Prof": abbrTitle, "Rev": abbrTitle, "Hon": abbrTitle,
	"Gov": abbrTitle, "Sen": abbrTitle, "Rep": abbrTitle, "Pres": abbrTitle,
	"Gen": abbrTitle, "Col": abbrTitle, "Lt": abbrTitle, "Sgt": abbrTitle,
	"Capt": abbrTitle, "Maj": abbrTitle, "Adm": abbrTitle, "Cmdr": abbrTitle,
	"Mt": abbrTitle, "Ft": abbrTitle, "vs": abbrTitle, "v": abbrTitle,
	"St": abbrEnds, "Jr": abbrEnds, "Sr": abbrEnds, "Inc": abbrEnds,
	"Corp": abbrEnds, "Ltd": abbrEnds, "Co": abbrEnds, "Bros": abbrEnds,
	"etc": abbrEnds, "al": abbrEnds, "Ave": abbrEnds, "Blvd": abbrEnds,
	"Jan": abbrEnds, "Feb": abbrEnds, "Mar": abbrEnds, "Apr": abbrEnds,
	"Jun": abbrEnds, "Jul": abbrEnds, "Aug": abbrEnds, "Sep": abbrEnds,
	"Sept": abbrEnds, "Oct": abbrEnds, "Nov": abbrEnds, "Dec": abbrEnds,
	"No": abbrNumber, "Nos": abbrNumber, "Art": abbrNumber, "Fig": abbrNumber,
	"Vol": abbrNumber, "p": abbrNumber, "pp": abbrNumber, "c": abbrNumber,
	"ca": abbrNumber, "approx": abbrNumber,
}

// isAbbrev reports whether the word w keeps the period that follows it;
// rest is the text after that period.
func isAbbrev(w, rest string) bool {
	switch abbrevs[w] {
	case 0:
		return false
	case abbrNumber:
		rest = strings.TrimLeft(rest, " \t")
		return rest != "" && isDigit(rune(rest[0]))
	}
	return true
}

// isInitial reports whether w is a capital that, with a period, is an
// initial: "John F. Kennedy". "I." is more often the pronoun ending a
// sentence.
func isInitial(w string) bool {
	return len(w) == 1 && 'A' <= w[0] && w[0] <= 'Z' && w[0] != 'I'
}

func isOneLetter(w string) bool {
	r, n := runeAt(w, 0)
	return n == len(w) && isLetter(r)
}

// threeDigits reports whether s starts with exactly three digits: the group
// after a thousands separator.
func threeDigits(s string) bool {
	if len(s) < 3 || !isDigit(rune(s[0])) || !isDigit(rune(s[1])) || !isDigit(rune(s[2])) {
		return false
	}
	return len(s) == 3 || !isDigit(rune(s[3]))
}

func repeat(s string, i int, c byte) int {
	k := 0
	for i+k < len(s) && s[i+k] == c {
		k++
	}
	return k
}

// urlEnd returns the end of the URL that starts at s[i], or -1. Trailing
// punctuation and unbalanced closing brackets are left out: "(see
// https://x.org/a)." ends before ")".
func urlEnd(s string, i int) int {
	switch s[i] {
	case 'h', 'H', 'w', 'W', 'f', 'F':
	default:
		return -1
	}
	rest := s[i:]
	if !hasPrefixFold(rest, "http://") && !hasPrefixFold(rest, "https://") &&
		!hasPrefixFold(rest, "www.") && !hasPrefixFold(rest, "ftp://") {
		return -1
	}
	j := i
	for j < len(s) {
		r, n := runeAt(s, j)
		if isSpace(r) || unicode.IsControl(r) || r == utf8.RuneError && n == 1 ||
			strings.ContainsRune(`"<>“”‘’«»`, r) {
			break
		}
		j += n
	}
	u := s[i:j]
	parens := strings.Count(u, "(") - strings.Count(u, ")")
	brackets := strings.Count(u, "[") - strings.Count(u, "]")
	for j > i+1 {
		switch c := s[j-1]; {
		case strings.IndexByte(".,;:!?'*", c) >= 0:
		case c == ')' && parens < 0:
			parens++
		case c == ']' && brackets < 0:
			brackets++
		default:
			return j
		}
		j--
	}
	return j
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// emailEnd returns the end of the e-mail address that starts at s[i], or
// -1. The domain needs at least two labels. The local part is at most 64
// bytes (RFC 5321), which also keeps "1-1-1-1..." from being rescanned to
// its end at every token.
func emailEnd(s string, i int) int {
	j, lim := i, min(len(s), i+64)
	for j < lim && s[j] < utf8.RuneSelf && ascii[s[j]]&cLocal != 0 {
		j++
	}
	if j == i || j+1 >= len(s) || s[j] != '@' {
		return -1
	}
	end, labels := -1, 0
	for k := j + 1; ; k++ {
		st := k
		for k < len(s) && (isAlnumByte(s[k]) || s[k] == '-') {
			k++
		}
		if k == st {
			break
		}
		end, labels = k, labels+1
		if k+1 >= len(s) || s[k] != '.' || !isAlnumByte(s[k+1]) {
			break
		}
	}
	if labels < 2 {
		return -1
	}
	return end
}

// handleEnd returns the end of the @handle whose name starts at s[i].
func handleEnd(s string, i int) int {
	j := i
	for j < len(s) && (isAlnumByte(s[j]) || s[j] == '_') {
		j++
	}
	return j
}

// Character classes. ASCII goes through a table; the rest through unicode.

const (
	cSpace = 1 << iota
	cLetter
	cDigit
	cUpper
	cLower
	cLocal // may be in the local part of an e-mail address
)

var ascii = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case c == ' ' || '\t' <= c && c <= '\r':
			t[c] = cSpace
		case 'A' <= c && c <= 'Z':
			t[c] = cLetter | cUpper
		case 'a' <= c && c <= 'z':
			t[c] = cLetter | cLower
		case '0' <= c && c <= '9':
			t[c] = cDigit
		}
		if t[c]&(cLetter|cDigit) != 0 || strings.IndexByte("._%+-", byte(c)) >= 0 {
			t[c] |= cLocal
		}
	}
	return t
}()

// runeAt decodes the rune at s[i]; past the end it returns (0, 0).
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// lastRune returns the rune before s[i], or 0 at the start.
func lastRune(s string, i int) rune {
	if i == 0 {
		return 0
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return rune(c)
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// isSpace reports whether r separates tokens. Zero-width spaces and the
// byte-order mark count: pasted web text is full of them.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&cSpace != 0
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\u2060' || r == '\ufeff'
}

// isWordRune reports whether r can be part of a word: letters, digits,
// combining marks and the invisible soft hyphen and joiners.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&(cLetter|cDigit) != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || isMark(r) ||
		r == '\u00ad' || r == '\u200c' || r == '\u200d'
}

func isMark(r rune) bool {
	return r >= 0x300 && unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me)
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&cLetter != 0
	}
	return unicode.IsLetter(r)
}

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&cDigit != 0
	}
	return unicode.IsDigit(r)
}

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&cUpper != 0
	}
	return unicode.IsUpper(r)
}

func isLower(r rune) bool {
	if r < utf8.RuneSelf {
		return ascii[r]&cLower != 0
	}
	return unicode.IsLower(r)
}

func isAlnumByte(c byte) bool {
	return c < utf8.RuneSelf && ascii[c]&(cLetter|cDigit) != 0
}
