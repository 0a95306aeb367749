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

// Key folds a name for matching: lower case, accents removed, apostrophes
// and hyphens dropped, white space folded to one space. Sa'ar, Sa’ar and
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
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
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
