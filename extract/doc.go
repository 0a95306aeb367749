package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad"
	"dyad/lexicon"
	"dyad/text"
	"dyad/treebank"
)

// doc is an article split into sentences, tokenized, tagged, with its
// named entities and, once the people it introduces are known, parsed.
// Every stage of the extraction reads it; none changes it.
type doc struct {
	text  string
	sents []sentence
}

type sentence struct {
	dyad.Span
	toks       []text.Token
	words      []string // toks[i].Text, for lexicon matching (see ledBy)
	lows       []string // words in lower case with straight apostrophes
	upos, xpos []string
	heads      []int    // 1-based head of each token, 0 for the root
	rels       []string // dependency relation of each token
	ents       []treebank.Entity
}

func (a *Analyzer) newDoc(s string) *doc {
	d := &doc{text: s}
	for _, sp := range text.Sentences(s) {
		toks := text.TokenizeSpan(s, sp)
		if len(toks) == 0 {
			continue
		}
		words, lows := make([]string, len(toks)), make([]string, len(toks))
		for i, t := range toks {
			words[i] = ledBy(t.Text)
			lows[i] = strings.ToLower(strings.ReplaceAll(words[i], "’", "'"))
		}
		st := sentence{Span: sp, toks: toks, words: words, lows: lows}
		st.upos, st.xpos = make([]string, len(words)), make([]string, len(words))
		fixed := a.knownTags(words)
		a.Tagger.TagFixed(words, fixed, st.upos, st.xpos)
		if fixed, again := retag(fixed, lows, st.upos, st.xpos); again {
			a.Tagger.TagFixed(words, fixed, st.upos, st.xpos)
		}
		d.sents = append(d.sents, st)
	}
	// entities at once, each name's other mentions as its context
	words, upos := make([][]string, len(d.sents)), make([][]string, len(d.sents))
	for i, st := range d.sents {
		words[i], upos[i] = st.words, st.upos
	}
	for i, ents := range a.Recognizer.Document(words, upos) {
		d.sents[i].ents = ents
	}
	return d
}

// retag fixes six errors of the tagger on news, and reports whether
// there were any, to tag the sentence again around them: a noun or
// adjective right after a modal is a verb ("Libya must hand over", "hand"
// a noun by the tagger's dictionary; "would free prisoners"), a hedge
// between a verb and a noun phrase is an adjective ("Zambia extradited
// suspected British militant Haroon Aswad", where "suspected" taken for a
// verb garbles the parse), "as" before a clause is a conjunction ("came
// as the US leader prepared to attend", taken for a preposition, makes the
// leader no one's subject), and a preposition of place before a name or a
// determiner is no conjunction ("staged a protest in Beijing on Wednesday,
// scaling a pole", with "in" opening a clause, loses Beijing), and a
// participle coordinated with a past tense is one ("donated and delivered"),
// and so is one right after the noun phrase that opens the sentence when
// no finite verb follows before a comma ("Prisoners rioted at a jail …,
// locals said": a participle there makes the prisoners no one's subject).
func retag(fixed, lows, upos, xpos []string) ([]string, bool) {
	again := false
	fix := func(i int, tag string) {
		if fixed == nil {
			fixed = make([]string, len(xpos))
		}
		fixed[i], again = tag, true
	}
	for i := 1; i < len(xpos); i++ {
		switch {
		case xpos[i-1] == "MD" && (xpos[i] == "NN" || xpos[i] == "JJ"):
			fix(i, "VERB VB")
		case hedges[lows[i]] && i+1 < len(xpos) && strings.HasPrefix(xpos[i-1], "VB") &&
			(strings.HasPrefix(xpos[i+1], "NN") || xpos[i+1] == "JJ"):
			fix(i, "ADJ JJ")
		case upos[i] == "SCONJ" && placePreps[lows[i]] && i+1 < len(xpos) && (xpos[i+1] == "NNP" || xpos[i+1] == "DT"):
			fix(i, "ADP IN") // "staged a protest in Beijing on Wednesday, scaling a pole"
		case xpos[i] == "VBN" && pastConjunct(xpos, lows, i):
			fix(i, "VERB VBD") // "doctors donated and delivered goods"
		case xpos[i] == "VBN" && clauseAfter(xpos, 0) == i && !finiteBefore(xpos, lows, i+1):
			fix(i, "VERB VBD") // "Prisoners rioted at a jail …, locals said"
		case lows[i] == "as" && xpos[i] == "IN":
			if v := clauseAfter(xpos, i+1); v > 0 {
				fix(i, "SCONJ IN")
				if xpos[v] == "VBN" {
					fix(v, "VERB VBD") // "as the US leader prepared"
				}
			}
		}
	}
	return fixed, again
}

// pastConjunct reports whether the participle at i, with no auxiliary
// before it, is coordinated with a verb in the past tense ("donated and
// personally delivered"): it is in the past tense too.
func pastConjunct(xpos, lows []string, i int) bool {
	j := i + 1
	if j >= len(lows) || lows[j] != "and" && lows[j] != "or" {
		return false
	}
	for j++; j < len(xpos) && xpos[j] == "RB"; j++ {
	}
	if j >= len(xpos) || xpos[j] != "VBD" {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if auxiliaries[lows[k]] {
			return false
		}
	}
	return true
}

// finiteBefore reports whether a finite verb stands from token i to the
// next comma: the clause of a participle that opens it ("Troops deployed
// in the area were attacked") has its own.
func finiteBefore(xpos, lows []string, i int) bool {
	for ; i < len(xpos) && lows[i] != ","; i++ {
		switch xpos[i] {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	return false
}

// auxiliaries are the forms of have and be that make a participle.
var auxiliaries = set("have", "has", "had", "having", "be", "is", "are", "was", "were", "been", "being", "'s", "'re", "'ve", "'d")

// placePreps are the prepositions of place, which open no clause before a
// name or a determiner.
var placePreps = set("in", "at", "near", "inside", "outside")

// clauseAfter returns where the verb is if the tags from i on open a
// clause, a short noun phrase and a verb in the past ("as the US leader
// prepared", "as Israel announced"), so that the word before them joins a
// clause, not a noun phrase; 0 if they do not.
func clauseAfter(xpos []string, i int) int {
	for j := i; j < len(xpos) && j < i+6; j++ {
		switch x := xpos[j]; {
		case x == "DT" || x == "PRP$" || x == "JJ" || x == "CD" || strings.HasPrefix(x, "NN"):
		case (x == "VBD" || x == "VBN") && j > i && strings.HasPrefix(xpos[j-1], "NN"):
			return j
		default:
			return 0
		}
	}
	return 0
}

// hedges are the participles news puts before a noun to hedge it:
// "suspected militants", "alleged bombers".
var hedges = map[string]bool{"suspected": true, "alleged": true, "purported": true}

// ledBy returns w without the suffix "-led" after a capitalized name:
// "Vietnamese-led forces" and "the US-led coalition" act for the state
// that leads them, and are read as "Vietnamese forces", "the US
// coalition". The token keeps its text and offsets.
func ledBy(w string) string {
	name, ok := strings.CutSuffix(w, "-led")
	if !ok {
		return w
	}
	if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) {
		return w
	}
	return name
}

// knownTags returns the tags the lexicon knows for words: proper-noun
// tags for the capitalized words of a state, capital, organization or
// known actor named in them, the demonym's tags ("Iraqi" ADJ, "Kurds"
// PROPN NNPS), and the participle that opens a sentence or follows an
// article before a title ("Ousted President Askar Akayev", "the newly
// appointed Palestinian prime minister"), an adjective, and a plural
// sector word after a name, a noun (see pluralAfterName). The tagger,
// trained on little news, takes names it has not seen for verbs or
// adjectives ("Denmark today accepted" as an imperative), and every tag
// after a wrong one suffers. nil when there is none.
func (a *Analyzer) knownTags(words []string) []string {
	var fixed []string
	fix := func(i int, tag string) {
		if fixed == nil {
			fixed = make([]string, len(words))
		}
		fixed[i] = tag
	}
	for i := 0; i < len(words); {
		e, n := a.Lexicon.Match(words[i:])
		if ek, nk := a.Lexicon.MatchKnown(words[i:]); nk > n {
			e, n = ek, nk // the longer name
		}
		if n == 0 {
			i++
			continue
		}
		if (e.Kind == lexicon.Role || e.Kind == lexicon.Demonym) && titleParticiple(words, i-1) {
			fix(i-1, "ADJ JJ")
		}
		if e.Kind == lexicon.Agent && n == 1 && pluralAfterName(words, i) {
			fix(i, "NOUN NNS") // "demands from Shona rebels": no verb "rebels"
		}
		tag := ""
		switch e.Kind {
		case lexicon.Country, lexicon.Capital, lexicon.IGO, lexicon.Known:
			tag = "PROPN NNP"
		case lexicon.Demonym:
			tag = "ADJ JJ"
			if n == 1 && strings.HasSuffix(words[i], "s") {
				tag = "PROPN NNPS"
			}
		}
		for k := i; k < i+n && tag != ""; k++ {
			if r, _ := utf8.DecodeRuneInString(words[k]); unicode.IsUpper(r) {
				fix(k, tag)
			}
		}
		i += n
	}
	return fixed
}

// pluralAfterName reports whether words[i], a sector word, is a plural
// noun after a name the lexicon may not know ("Shona rebels", "Houthi
// fighters"), which the tagger takes for a verb. Before an object ("Russia
// forces Ukraine to", "forces the") it may be one.
func pluralAfterName(words []string, i int) bool {
	w := words[i]
	if i == 0 || !strings.HasSuffix(w, "s") || isCapitalized(w) || !isCapitalized(words[i-1]) {
		return false
	}
	if i+1 < len(words) && (isCapitalized(words[i+1]) || determiners[strings.ToLower(words[i+1])]) {
		return false
	}
	return true
}

// determiners open the noun phrase of an object.
var determiners = set("the", "a", "an", "its", "his", "her", "their", "this", "these", "those", "our")

// titleParticiple reports whether words[i] is a participle in -ed that
// opens the sentence or follows an article or "newly": before a title, it
// describes the holder ("Ousted President"), where after a verb it would
// be a verb ("the minister thanked President Aliyev").
func titleParticiple(words []string, i int) bool {
	if i < 0 || len(words[i]) < 5 || !strings.HasSuffix(words[i], "ed") {
		return false
	}
	if i == 0 {
		return true
	}
	switch strings.ToLower(words[i-1]) {
	case "the", "a", "an", "newly", "recently":
		return true
	}
	return false
}

// parse parses sentence s on its chunks. The parser, trained on little
// news, errs on the long names of news ("Israeli Foreign Minister Gideon
// Sa'ar" came out with "Foreign" as a subject of its own): an introduction
// (the spans in intros, "Azerbaijan's Foreign Minister Jeyhun Bayramov")
// and any other run of proper nouns are parsed as their last word, the
// others hanging from it. A dateline ("BAKU –") is no part of the
// sentence's syntax and would be taken for its subject: it is left out and
// hangs from the root.
func (a *Analyzer) parse(s *sentence, intros [][2]int) {
	words, upos, xpos := s.words, s.upos, s.xpos
	n := dateline(words)
	if n == len(words) {
		n = 0
	}
	// rep[i] is the token that stands for token i in the parse, -1 for a
	// bare weekday.
	rep := make([]int, len(words))
	var keep []int
	days := false // bare weekdays are left out when there is a verb to hang them from
	for k := n; k < len(words) && !days; k++ {
		days = upos[k] == "VERB" && !bareWeekday(s, k)
	}
	for i := n; i < len(words); {
		if days && bareWeekday(s, i) {
			rep[i] = -1
			i++
			continue
		}
		j := i + 1
		for j < len(words) && xpos[j-1] == "NNP" && xpos[j] == "NNP" {
			j++
		}
		if j-i > maxChunk {
			j = i + 1
		}
		for _, in := range intros {
			if in[0] <= i && i < in[1] {
				j = in[1]
			}
		}
		for k := i; k < j; k++ {
			rep[k] = j - 1
		}
		keep = append(keep, j-1)
		i = j
	}
	pick := func(all []string) []string {
		out := make([]string, len(keep))
		for r, k := range keep {
			out[r] = all[k]
		}
		return out
	}
	h, r := a.Parser.Parse(pick(words), pick(upos), pick(xpos))
	s.heads, s.rels = make([]int, len(words)), make([]string, len(words))
	root := 0
	for ri, k := range keep {
		s.rels[k] = r[ri]
		if h[ri] == 0 {
			root = k
		} else {
			s.heads[k] = keep[h[ri]-1] + 1
		}
	}
	for i := n; i < len(words); i++ {
		switch {
		case rep[i] < 0:
			s.heads[i], s.rels[i] = nearestVerb(s, upos, i, root)+1, "obl:unmarked"
		case rep[i] != i:
			s.heads[i], s.rels[i] = rep[i]+1, "flat"
		}
	}
	for i := range n {
		s.heads[i], s.rels[i] = 1, "flat"
		if !isWord(words[i]) {
			s.rels[i] = "punct"
		}
	}
	if n > 0 {
		s.heads[0], s.rels[0] = root+1, "dep"
	}
}

// bareWeekday reports whether token i is a weekday with no preposition
// before it, a news idiom ("Ukrainian lawmakers Tuesday endorsed", "the
// speaker said Saturday"): the parser, trained on little news, takes the
// day for a subject. It is left out of the parse and hangs from the
// nearest verb.
func bareWeekday(s *sentence, i int) bool {
	if _, ok := weekdays[s.lows[i]]; !ok || !isCapitalized(s.words[i]) {
		return false
	}
	return i == 0 || s.xpos[i-1] != "IN"
}

// nearestVerb returns the verb nearest to token i, the one before it on a
// tie, or root if the sentence has none (parse leaves no weekday out then).
func nearestVerb(s *sentence, upos []string, i, root int) int {
	for d := 1; d < len(upos); d++ {
		for _, k := range [2]int{i - d, i + d} {
			if k >= 0 && k < len(upos) && upos[k] == "VERB" && !bareWeekday(s, k) {
				return k
			}
		}
	}
	return root
}

// maxChunk is the longest run of proper nouns parsed as one: longer runs
// are headlines in title case rather than names.
const maxChunk = 5

// dateline returns the number of leading words that form a dateline, a
// place in capitals up to a dash ("BAKU –", "TEL AVIV, Israel —"), or 0.
func dateline(words []string) int {
	for i, w := range words {
		switch {
		case i == 0 && (!isWord(w) || strings.ToUpper(w) != w):
			return 0
		case i > 0 && (w == "–" || w == "—" || w == "-"):
			return i + 1
		case i >= 5:
			return 0
		}
	}
	return 0
}

// parse returns the sentences' tokens and trees for the coder.
func (d *doc) parse() []dyad.Sentence {
	out := make([]dyad.Sentence, len(d.sents))
	for i, s := range d.sents {
		toks := make([]dyad.Token, len(s.toks))
		for j, t := range s.toks {
			toks[j] = dyad.Token{Span: dyad.Span{Start: t.Start, End: t.End},
				UPOS: s.upos[j], XPOS: s.xpos[j], Head: s.heads[j], Rel: s.rels[j]}
		}
		out[i] = dyad.Sentence{Span: s.Span, Tokens: toks}
	}
	return out
}

// head returns the token of [from, to) that the rest of it hangs from: the
// first whose head lies outside the span.
func (s *sentence) head(from, to int) int {
	for k := from; k < to; k++ {
		if h := s.heads[k] - 1; h < from || h >= to {
			return k
		}
	}
	return from
}

// rel returns the relation of token k without its subtype ("nsubj" for
// "nsubj:pass" too).
func (s *sentence) rel(k int) string {
	r := s.rels[k]
	if i := strings.IndexByte(r, ':'); i >= 0 {
		return r[:i]
	}
	return r
}

// acts reports whether the words [from, to) are the agent of a verb or
// the owner of a noun, by the parse: the subject of an active verb
// ("Tel Aviv is seeking", "Baku hopes"), a conjunct of one ("Israel and
// Azerbaijan signed"), or a possessor ("Ankara's influence").
func (s *sentence) acts(from, to int) bool {
	k := s.head(from, to)
	for range len(s.toks) { // a conjunct acts as the first one does
		if s.rels[k] != "conj" || s.heads[k] == 0 {
			break
		}
		k = s.heads[k] - 1
	}
	switch s.rels[k] {
	case "nsubj", "csubj", "nmod:poss":
		return true
	}
	return false
}

// clauseRels attach clauses: a phrase stops at them.
var clauseRels = set("acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "root")

// clause returns the head of the clause token k is in: the nearest
// ancestor attached as a clause, or the root.
func (s *sentence) clause(k int) int {
	for range len(s.toks) {
		if s.heads[k] == 0 || clauseRels[s.rel(k)] {
			break
		}
		k = s.heads[k] - 1
	}
	return k
}

// under reports whether token j lies under token k: k itself or a
// dependent of it, with no relation in stop on the way (clauseRels keeps
// to k's phrase).
func (s *sentence) under(j, k int, stop map[string]bool) bool {
	for range len(s.toks) {
		if j == k {
			return true
		}
		if s.heads[j] == 0 || stop[s.rel(j)] {
			return false
		}
		j = s.heads[j] - 1
	}
	return false
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
	// regions name a part of a place: "in southern Somalia".
	regions = set("northern", "southern", "eastern", "western", "central", "northeastern",
		"northwestern", "southeastern", "southwestern", "neighboring", "neighbouring")
	// locative marks a following name as a place: "in Baku".
	locative = set("in", "at", "to", "from", "into", "near", "across", "throughout",
		"around", "via", "toward", "towards", "inside", "outside", "within", "through",
		"onto")
)
