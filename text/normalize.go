// Package text splits news text into sentences and tokens with byte offsets,
// and normalizes strings for identity and matching.
package text

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s in Unicode NFC with every run of white space folded
// to one space and the ends trimmed. Two texts that differ only in encoding
// of accents or in spacing normalize to the same string.
func Normalize(s string) string {
	return strings.Join(strings.Fields(norm.NFC.String(s)), " ")
}

// Key folds a name for matching: lower case, accents removed, letters
// such as ı and ł spelled in plain Latin, apostrophes and hyphens dropped,
// white space folded to one space. Sa'ar, Sa’ar and
// Saar share the key "saar"; Türkiye and Turkiye share "turkiye".
func Key(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case isApostrophe(r) || r == '-' || r == '‐' || r == '‑':
		case unicode.IsSpace(r):
			space = b.Len() > 0
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			r = unicode.ToLower(r)
			if f, ok := letterFolds[r]; ok {
				b.WriteString(f)
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// letterFolds spell letters that have no decomposition in Latin letters,
// so that Balcı and Balci, Łódź and Lodz share a key.
var letterFolds = map[rune]string{
	'ı': "i", 'ł': "l", 'ø': "o", 'đ': "d", 'ð': "d", 'ħ': "h", 'ß': "ss",
	'æ': "ae", 'œ': "oe", 'þ': "th", 'ŀ': "l",
}

// isApostrophe reports whether r is one of the characters news text uses
// as an apostrophe.
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', '‘', '`', '´':
		return true
	}
	return false
}
