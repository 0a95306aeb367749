package text

import (
	"strings"
	"unicode"

	"dyad"
)

// Sentences returns the sentence spans of s, each trimmed of surrounding
// white space, in order, non-overlapping, never empty. Together they cover
// every token of s.
//
// A sentence ends:
//   - at a line break, always: news paragraphs, headlines and datelines are
//     lines;
//   - after . ! ? … or "...", with any closing quotes and brackets right
//     after it, when white space follows and the next token starts with a
//     capital or uncased letter, a digit, a currency sign or an opening
//     quote or bracket. So “Why?” he asked stays one sentence, and a quote
//     of two sentences is split between them: the splitter does not know
//     whose words they are;
//   - after an abbreviation that can end a sentence ("U.S.", "Inc.",
//     "Jan.", "etc.", an initial) only when a common sentence starter
//     follows: "the U.S. The" splits, "U.S. officials" and "Jan. 5" do not.
//     Titles ("Gov.", "Mr.") and "No." never end a sentence.
func Sentences(s string) []dyad.Span {
	var out []dyad.Span
	a, b := nextToken(s, 0)
	start := a
	for a < b {
		tok := s[a:b]
		end := b
		na, nb := nextToken(s, b)
		var split bool
		if k := endKind(tok); k != noEnd {
			// Take in adjacent terminators and closers: ?!” or .")
			for na < nb && na == end && (endKind(s[na:nb]) == plainEnd || isCloser(s[na:nb])) {
				end = nb
				na, nb = nextToken(s, nb)
			}
			if na > end {
				next := s[na:nb]
				switch k {
				case plainEnd:
					split = startsSentence(next)
				case abbrEnd:
					split = starters[next]
				}
			}
		}
		if na == nb || split || hasLineBreak(s[end:na]) {
			out = append(out, dyad.Span{Start: start, End: end})
			start = na
		}
		a, b = na, nb
	}
	return out
}

const (
	noEnd    = iota
	plainEnd // . ! ? … ...
	abbrEnd  // an abbreviation that may end a sentence: U.S. Inc. etc.
)

// endKind tells whether the token tok may end a sentence.
func endKind(tok string) int {
	switch tok {
	case ".", "!", "?", "…", "。", "！", "？":
		return plainEnd
	}
	if strings.Trim(tok, ".!?") == "" {
		return plainEnd // "...", "!!!"
	}
	if tok[len(tok)-1] != '.' {
		return noEnd
	}
	switch abbrevs[tok[:len(tok)-1]] {
	case abbrTitle, abbrNumber:
		return noEnd
	}
	return abbrEnd
}

func isCloser(tok string) bool {
	switch tok {
	case `"`, "'", "”", "’", "»", "›", ")", "]", "}":
		return true
	}
	return false
}

// startsSentence reports whether tok can be the first token of a sentence
// that follows a period.
func startsSentence(tok string) bool {
	r, _ := runeAt(tok, 0)
	switch r {
	case '“', '‘', '"', '\'', '«', '‹', '(', '[', '{', '¿', '¡':
		return true
	}
	return isLetter(r) && !isLower(r) || isDigit(r) || unicode.Is(unicode.Sc, r)
}

// hasLineBreak reports whether the white space gap contains a line break.
func hasLineBreak(gap string) bool {
	for _, r := range gap {
		switch r {
		case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
			return true
		}
	}
	return false
}

// starters are words that begin sentences far more often than they follow
// an abbreviation inside one: after "U.S." or "Inc." they mark a new
// sentence, while "U.S. officials" or "Inc. Chairman" do not.
var starters = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"The", "A", "An", "This", "That", "These", "Those", "There", "Here",
		"It", "He", "She", "They", "We", "I", "You",
		"Its", "His", "Her", "Their", "Our", "My", "Your",
		"In", "On", "At", "For", "From", "With", "By", "As", "After", "Before",
		"During", "Since", "Under", "Despite", "Following", "According",
		"But", "And", "Or", "So", "Yet", "Also", "However", "Meanwhile",
		"Moreover", "Furthermore", "Still", "Then", "Now", "Today",
		"Yesterday", "Earlier", "Later", "Last", "Some", "Many", "Most",
		"Several", "Both", "Each", "All", "Other", "Another", "Such",
		"If", "When", "While", "Although", "Though", "Because",
		"What", "Who", "Why", "How", "Where", "Which",
	} {
		m[w] = true
	}
	return m
}()
