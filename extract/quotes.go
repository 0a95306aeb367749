package extract

import (
	"slices"
	"strings"
	"unicode"

	"dyad"
)

// Reporting cues. Verbs attribute direct and indirect speech; nouns only
// introduce direct quotes ("Saar's statement that ... are “pillars”").
var (
	cueVerbs = set("said", "says", "say", "told", "tells", "added", "adds", "adding",
		"noted", "notes", "noting", "stressed", "stressing", "emphasised", "emphasized",
		"emphasising", "emphasizing", "declared", "announced", "stated", "insisted",
		"warned", "explained", "asked", "replied", "wrote", "writes", "tweeted", "posted",
		"remarked", "affirmed", "reaffirmed", "argued", "claimed", "acknowledged",
		"recalled", "observed", "underlined", "underscored", "described", "describing",
		"called", "calling", "urged", "vowed", "pledged", "promised", "confirmed",
		"commented", "concluded", "continued", "saying", "announcing", "highlighted", "assured", "admitted", "denied", "suggested")
	cueNouns = set("statement", "statements", "remarks", "words", "message", "comments",
		"speech", "address", "post")
	// indirectCues report speech followed by a clause: "Sa'ar announced that".
	indirectCues = set("said", "says", "told", "noted", "noting", "announced", "stressed",
		"stressing", "emphasised", "emphasized", "emphasising", "emphasizing", "added",
		"adding", "warned", "claimed", "insisted", "argued", "confirmed", "reaffirmed",
		"stated", "declared", "explained", "acknowledged", "saying", "believes", "insists",
		"warns", "notes", "stresses", "admitted", "denied", "suggested", "hinted", "assured")
	// asCues take "as" before the quote: "described Aliyev as “a leader”".
	asCues = set("described", "describing", "called", "calling", "labelled", "labeled", "hailed")
)

// quoteFinder finds quotations and their speakers among resolved mentions.
type quoteFinder struct {
	d *doc
	r *resolver
}

// quoteMarks pairs the quotation marks of each paragraph: “ with ”, and
// straight double quotes in turn. A quote never crosses a line break.
func quoteMarks(s string) [][2]int {
	var pairs [][2]int
	open, straight := -1, false
	for i, c := range s {
		switch {
		case c == '\n':
			open = -1
		case c == '“' && open < 0:
			open, straight = i, false
		case c == '”' && open >= 0 && !straight:
			pairs = append(pairs, [2]int{open, i})
			open = -1
		case c == '"' && open < 0:
			open, straight = i, true
		case c == '"' && open >= 0 && straight:
			pairs = append(pairs, [2]int{open, i})
			open = -1
		}
	}
	return pairs
}

// direct finds quoted speech. The speaker is found after the quote (“…,”
// Sa'ar said), else before it (Bayramov reaffirmed …: “…”), else it is the
// speaker of the previous quote in the same paragraph.
func (q *quoteFinder) direct() []dyad.Quote {
	var quotes []dyad.Quote
	prevLine := -1
	var prev dyad.Quote
	for _, pair := range quoteMarks(q.d.text) {
		start := pair[0] + len("“")
		if q.d.text[pair[0]] == '"' {
			start = pair[0] + 1
		}
		start, end := trimQuote(q.d.text, start, pair[1])
		if start >= end {
			continue
		}
		qt := dyad.Quote{Span: dyad.Span{Start: start, End: end}, Text: q.d.text[start:end], Direct: true}
		closeEnd := pair[1] + len("”")
		if q.d.text[pair[1]] == '"' {
			closeEnd = pair[1] + 1
		}
		found := q.speakerAfter(&qt, closeEnd) || q.speakerBefore(&qt, pair[0])
		line := strings.Count(q.d.text[:pair[0]], "\n")
		if !found && line == prevLine && prev.Speaker.Name != "" {
			qt.Speaker, qt.Cue, found = prev.Speaker, prev.Cue, true
		}
		if !found && len(strings.Fields(qt.Text)) < 4 {
			continue // a scare quote or a title, not speech
		}
		quotes = append(quotes, qt)
		prev, prevLine = qt, line
	}
	return quotes
}

// trimQuote trims white space and the trailing comma that English puts
// inside the closing mark.
func trimQuote(s string, start, end int) (int, int) {
	for start < end && unicode.IsSpace(rune(s[start])) {
		start++
	}
	for end > start && (unicode.IsSpace(rune(s[end-1])) || s[end-1] == ',') {
		end--
	}
	return start, end
}

// speakerAfter looks for "said Sa'ar" or "Sa'ar said" in the few tokens
// after the closing mark at byte off.
func (q *quoteFinder) speakerAfter(qt *dyad.Quote, off int) bool {
	si := q.d.sentenceAt(off)
	if si < 0 {
		return false
	}
	s := &q.d.sents[si]
	first := tokenAt(s, off)
	for c := first; c < len(s.toks) && c < first+8; c++ {
		if w := s.words[c]; w == "“" || w == "\"" {
			return false
		}
		if !cueVerbs[s.lower(c)] {
			continue
		}
		if m, ok := q.subject(si, c); ok && m.from >= first {
			q.attribute(qt, m, cueText(s, c))
			return true
		}
		for _, m := range q.r.mentions {
			if m.sent == si && m.from >= first && (m.to == c || m.to == c-1 || m.from == c+1) {
				q.attribute(qt, m, cueText(s, c))
				return true
			}
		}
	}
	return false
}

// speakerBefore looks back from the opening mark at byte off for a cue and
// takes the mention nearest before it as the speaker, or a pronoun
// introduced by "that" between cue and quote ("adding that he had “…”").
// Without a cue, a colon before the quote makes the sentence's first agent
// the speaker.
func (q *quoteFinder) speakerBefore(qt *dyad.Quote, off int) bool {
	si := q.d.sentenceAt(off)
	if si < 0 {
		return false
	}
	s := &q.d.sents[si]
	open := tokenAt(s, off)
	for c := open - 1; c >= 0 && c >= open-25; c-- {
		w := s.lower(c)
		if w == "”" || w == "\"" {
			break // another quote's context
		}
		if !cueVerbs[w] && !cueNouns[w] {
			continue
		}
		cue := cueText(s, c)
		if asCues[w] && s.lower(open-1) == "as" {
			cue = w + " … as"
		}
		if m, ok := q.subject(si, c); ok {
			q.attribute(qt, m, cue)
			return true
		}
		var best *mention
		for k := range q.r.mentions {
			m := &q.r.mentions[k]
			if m.sent != si {
				continue
			}
			if m.to <= c && (best == nil || m.to > best.to) {
				best = m
			}
			if m.from > c && m.to <= open && m.Type == dyad.PER && m.from > 0 &&
				s.lower(m.from-1) == "that" && isPronoun(s.lower(m.from)) {
				best = m
				break
			}
		}
		if best != nil {
			q.attribute(qt, *best, cue)
			return true
		}
		return false
	}
	// No cue: "X on the talks: “…”" introduces X's words.
	if open > 0 && s.words[open-1] == ":" {
		if m, ok := q.firstAgent(si, open); ok {
			q.attribute(qt, m, "")
			return true
		}
	}
	return false
}

// subject returns the mention that is the subject of the cue at token v
// by the parse: the subject of the verb, or of the verb it is coordinated
// with or modifies ("Aliyev met Sa'ar and said", "…, adding that"), or the
// possessor of a cue noun ("Saar's statement"). Within the subject phrase
// a person comes first: "Azerbaijani Foreign Minister Bayramov".
func (q *quoteFinder) subject(si, v int) (mention, bool) {
	s := &q.d.sents[si]
	for range 3 {
		var found []mention
		for k, h := range s.heads {
			if h == v+1 && (s.rel(k) == "nsubj" || s.rels[k] == "nmod:poss") {
				found = append(found, q.r.phraseMentions(si, k)...)
			}
		}
		if len(found) > 0 {
			if i := slices.IndexFunc(found, func(m mention) bool { return m.Type == dyad.PER }); i >= 0 {
				return found[i], true
			}
			return found[0], true
		}
		switch s.rels[v] {
		case "conj", "advcl", "xcomp":
			v = s.heads[v] - 1
		default:
			return mention{}, false
		}
	}
	return mention{}, false
}

// firstAgent is the first person or acting actor of sentence si before
// token limit: the subject of "X reaffirmed ...: “…”".
func (q *quoteFinder) firstAgent(si, limit int) (mention, bool) {
	for _, m := range q.r.mentions {
		if m.sent == si && m.to <= limit && (m.Type == dyad.PER || m.Role == dyad.RoleAgent) {
			return m, true
		}
	}
	return mention{}, false
}

func isPronoun(w string) bool { return w == "he" || w == "she" || w == "him" }

// cueText is the cue word at token c, with the medium for posts: "wrote on
// X".
func cueText(s *sentence, c int) string {
	w := s.lower(c)
	switch w {
	case "wrote", "posted", "tweeted", "writes", "said":
		if s.lower(c+1) == "on" && c+2 < len(s.words) && isCapitalized(s.words[c+2]) {
			// An initial-like "X." at the sentence end keeps its period.
			return w + " on " + strings.TrimSuffix(s.words[c+2], ".")
		}
	}
	return w
}

// tokenAt returns the index of the first token of s starting at or after
// byte off.
func tokenAt(s *sentence, off int) int {
	for i, t := range s.toks {
		if t.Start >= off {
			return i
		}
	}
	return len(s.toks)
}

// attribute sets the speaker of qt from mention m.
func (q *quoteFinder) attribute(qt *dyad.Quote, m mention, cue string) {
	qt.Cue = cue
	qt.Speaker = dyad.Speaker{Name: m.Text, Span: m.Span}
	if a, ok := q.r.actors[m.Actor]; ok {
		qt.Speaker.Name, qt.Speaker.Code, qt.Speaker.Actor = a.Name, a.Code, a.ID
	}
}

// indirect finds reported speech: a speaker, a reporting verb and a clause
// ("Sa'ar announced on Monday that Tel Aviv is seeking ..."). Sentences with
// direct quotes after the verb are left to direct.
func (q *quoteFinder) indirect() []dyad.Quote {
	var quotes []dyad.Quote
	for si := range q.d.sents {
		s := &q.d.sents[si]
		for v := 1; v < len(s.words); v++ {
			if !indirectCues[s.lower(v)] || quoteAfter(s, v) {
				continue
			}
			m, ok := q.speakerOf(si, v)
			if !ok {
				continue
			}
			from := clauseStart(s, v)
			to := len(s.toks)
			if to > 0 && strings.ContainsAny(s.words[to-1], ".!?") {
				to--
			}
			if from < 0 || to-from < 3 {
				continue
			}
			sp := s.span(from, to)
			qt := dyad.Quote{Span: sp, Text: q.d.text[sp.Start:sp.End]}
			q.attribute(&qt, m, s.lower(v))
			quotes = append(quotes, qt)
			break
		}
	}
	return quotes
}

// quoteAfter reports whether a quotation mark follows token v in s.
func quoteAfter(s *sentence, v int) bool {
	for _, w := range s.words[v+1:] {
		if w == "“" || w == "\"" || w == "”" {
			return true
		}
	}
	return false
}

// relatives open a relative clause.
var relatives = set("who", "which", "whose", "whom")

// speakerOf finds who speaks through the verb at token v: its subject by
// the parse; failing that, the mention right before it (one adverb or a
// relative clause may stand between: "Sa'ar also said", "Mingas, who
// hosted the talks, said"), or, for a participle after a comma ("…, noting
// that"), the sentence's subject.
func (q *quoteFinder) speakerOf(si, v int) (mention, bool) {
	if m, ok := q.subject(si, v); ok {
		return m, true
	}
	s := &q.d.sents[si]
	end := v // where the speaker's name ends
	if s.words[v-1] == "," {
		// "Mingas, who hosted the talks, said": skip the relative clause.
		for c := v - 2; c > 0; c-- {
			if s.words[c] == "," && relatives[s.lower(c+1)] {
				end = c
				break
			}
		}
	}
	for _, m := range q.r.mentions {
		if m.sent != si || m.Type != dyad.PER && m.Role != dyad.RoleAgent {
			continue
		}
		if m.to == end || m.to == v-1 && isWord(s.words[v-1]) && !isCapitalized(s.words[v-1]) {
			return m, true
		}
	}
	if strings.HasSuffix(s.lower(v), "ing") && s.words[v-1] == "," {
		return q.firstAgent(si, v)
	}
	return mention{}, false
}

// clauseStart returns the first token of the clause reported by the verb
// at v, by the parse: its clausal complement, without "that" ("told
// reporters on Monday that …", "said the talks …"). It is -1 when there is
// none.
func clauseStart(s *sentence, v int) int {
	for c, h := range s.heads {
		if h != v+1 || s.rel(c) != "ccomp" || c < v {
			continue
		}
		from := c
		for j := v + 1; j < c; j++ {
			if s.under(j, c, nil) {
				from = j
				break
			}
		}
		if s.lower(from) == "that" {
			from++
		}
		return from
	}
	return -1
}
