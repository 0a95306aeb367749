package lexicon

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"dyad"
	"dyad/text"
)

// VerbPattern is one CAMEO verb pattern: the verb, the words that must
// stand around it, and the event it codes.
//
// Pattern words are lower case. Besides plain words they may be:
//
//	&name  any member of the synset (see Synset)
//	$      the source actor
//	+      the target actor
//	%      a compound actor that is both source and target ("A and B met")
//	^      skip the rest of the current noun phrase
//
// Nouns match in the singular or the plural: compare NounKey of the text
// word with NounKey of the pattern word.
type VerbPattern struct {
	Verb   string   // lemma, lower case ("meet"; a multiword verb as "give notice")
	Before []string // pattern words before the verb, in order
	After  []string // pattern words after the verb, in order, prepositional groups flattened
	Code   string   // CAMEO code; "" when the pattern means "no event" ([---] or [:173])
	// Reverse is the CAMEO code of the paired event that the same words
	// code from the target to the source, "" if none. The source format
	// writes a pattern coding both as [code:reverse]: "[042:043]" (A
	// visits B, so B hosts A), "[036:036]" (both express intent to meet),
	// "[:173]" (no event from A to B, but B charges A: "appeared before the
	// court").
	Reverse string
	// BeforeGroups and AfterGroups are Before and After as the pattern
	// groups them: a noun phrase ("{financial aid}", head last) or a
	// prepositional phrase ("(for {financial aid})").
	BeforeGroups, AfterGroups []PatternGroup
}

// PatternGroup is one element of a pattern: a word, a noun phrase whose
// last word is its head, or a prepositional phrase (Prep set; Words may be
// empty, as in "(with)": any object of "with").
type PatternGroup struct {
	Prep  string
	Words []string
}

// verbs is the verb dictionary: blocks of synonymous verbs sharing
// patterns.
type verbs struct {
	lemma   map[string]string      // any form, lower case → lemma
	ownForm map[string]bool        // forms that are a lemma themselves
	block   map[string]*verbBlock  // by lemma
	blocks  map[string]*verbBlock  // by name
	own     map[string]string      // lemma → its own default code, when it has one
	plover  map[string]dyad.PLOVER // "lemma code" → the PLOVER coding of that act
	synsets map[string][]string
}

type verbBlock struct {
	name     string
	code     string // default code of the block's verbs, as written ("040", "042:043", "---")
	patterns []VerbPattern
}

func newVerbs() verbs {
	return verbs{lemma: map[string]string{}, ownForm: map[string]bool{}, block: map[string]*verbBlock{},
		blocks: map[string]*verbBlock{}, own: map[string]string{}, plover: map[string]dyad.PLOVER{}, synsets: map[string][]string{}}
}

// VerbLemma returns the lemma of a verb form in the verb dictionary:
// "met" → "meet", "Meets" → "meet", "gave notice" → "give notice". Case
// and runs of spaces do not matter. When a form belongs to several verbs
// ("found": find, found), a lemma that is itself the form wins.
//
// British spelling doubles a final l where the dictionary does not:
// "travelled", "cancelling" are found as "traveled", "canceling".
func (l *Lexicon) VerbLemma(form string) (string, bool) {
	form = strings.Join(strings.Fields(strings.ToLower(form)), " ")
	lemma, ok := l.verbs.lemma[form]
	if !ok {
		for _, end := range [...]string{"lled", "lling"} {
			if stem, found := strings.CutSuffix(form, end); found && len(stem) > 2 {
				lemma, ok = l.verbs.lemma[stem+end[1:]]
				break
			}
		}
	}
	return lemma, ok
}

// VerbPatterns returns the patterns of a verb's block, most specific (most
// words) first, patterns with as many words in the order of the source
// file; the last one has no words and gives the verb's own code (the
// block's when it has none). It returns nil for a lemma not in the
// dictionary. The slice is fresh; its word slices are shared and must not
// be changed.
func (l *Lexicon) VerbPatterns(lemma string) []VerbPattern {
	b := l.verbs.block[lemma]
	if b == nil {
		return nil
	}
	out := make([]VerbPattern, 0, len(b.patterns)+1)
	for _, p := range b.patterns {
		p.Verb = lemma
		out = append(out, p)
	}
	code, ok := l.verbs.own[lemma]
	if !ok {
		code = b.code
	}
	def := VerbPattern{Verb: lemma}
	def.Code, def.Reverse, _ = ParseCode(code)
	return append(out, def)
}

// ActPLOVER returns the PLOVER coding of an act coded as code, by the
// verb lemma ("" for a noun), when the dictionaries give one of their own,
// for the verb or for any act of the code ("*"): the PLOVER manual has
// kinds of acts CAMEO lacks (resigning is RETREAT, mode resign), and codes
// some otherwise than the CAMEO→PLOVER table (international sanctions are
// SANCTION, the table's 163 COERCE). Otherwise the coding is PLOVER(code).
func (l *Lexicon) ActPLOVER(lemma, code string) (dyad.PLOVER, bool) {
	if p, ok := l.verbs.plover[lemma+" "+code]; ok && lemma != "" {
		return p, true
	}
	p, ok := l.verbs.plover["* "+code]
	return p, ok
}

// OwnCode reports whether lemma has a code of its own in its block,
// rather than the block's.
func (l *Lexicon) OwnCode(lemma string) bool {
	_, ok := l.verbs.own[lemma]
	return ok
}

// Synset returns the member words of a synset, lower case, multiword
// members with spaces: Synset("&food") → ["food", "grain", …]. The name
// may be given with or without "&", in any case.
func (l *Lexicon) Synset(name string) []string {
	name = strings.ToLower(name)
	if !strings.HasPrefix(name, "&") {
		name = "&" + name
	}
	return l.verbs.synsets[name]
}

// NounKey folds a noun to the key under which its singular and plural
// meet: text.Key, then a regular plural ending removed ("talks" and "talk"
// → "talk", "rallies" → "rally", "marches" → "march", "men" → "man").
// Patterns hold nouns in either number, so a matcher compares NounKey of
// both sides.
func NounKey(word string) string {
	k := text.Key(word)
	if s, ok := irregularPlural[k]; ok {
		return s
	}
	n := len(k)
	switch {
	case n > 4 && strings.HasSuffix(k, "ies"):
		return k[:n-3] + "y"
	case n > 4 && (strings.HasSuffix(k, "sses") || strings.HasSuffix(k, "ches") ||
		strings.HasSuffix(k, "shes") || strings.HasSuffix(k, "xes") || strings.HasSuffix(k, "zes")):
		return k[:n-2]
	case n > 3 && k[n-1] == 's' && !strings.HasSuffix(k, "ss") && !strings.HasSuffix(k, "us") && !strings.HasSuffix(k, "is"):
		return k[:n-1]
	}
	return k
}

var irregularPlural = map[string]string{
	"men": "man", "women": "woman", "children": "child", "chairmen": "chairman",
	"policemen": "policeman", "servicemen": "serviceman", "spokesmen": "spokesman",
	"gunmen": "gunman", "crises": "crisis", "analyses": "analysis",
}

// ParseCode reads a pattern's code as the source writes it inside
// brackets: "042", "042:043" (a paired event, see VerbPattern.Reverse),
// ":173", or "---" and "" for no event.
func ParseCode(s string) (code, reverse string, err error) {
	s = strings.TrimSpace(s)
	code, reverse, _ = strings.Cut(s, ":")
	for _, c := range []*string{&code, &reverse} {
		switch *c {
		case "---", "":
			*c = ""
		default:
			if !IsCAMEO(*c) {
				return "", "", fmt.Errorf("code %q is not a CAMEO code", *c)
			}
		}
	}
	return code, reverse, nil
}

// ParsePattern reads a pattern as verbs.tsv writes it: the words before
// the verb, "*" for the verb, and the words after it, with noun phrases in
// braces and prepositional phrases in parentheses:
//
//	&military * (to border)
//	* (for {financial aid}) (from +)
//
// Words are returned lower case.
func ParsePattern(s string) (before, after []PatternGroup, err error) {
	toks := patternTokens(s)
	star := false
	for i := 0; i < len(toks); {
		tok := toks[i]
		var g PatternGroup
		switch tok {
		case "*":
			if star {
				return nil, nil, fmt.Errorf("pattern %q has more than one *", s)
			}
			star = true
			i++
			continue
		case "{":
			g.Words, i, err = braced(toks, i, s)
		case "(":
			i++
			if i >= len(toks) || !isPatternWord(toks[i]) || strings.HasPrefix(toks[i], "&") {
				return nil, nil, fmt.Errorf("pattern %q: ( is not followed by a preposition", s)
			}
			g.Prep = toks[i]
			for i++; err == nil && i < len(toks) && toks[i] != ")"; {
				var w []string
				if toks[i] == "{" {
					w, i, err = braced(toks, i, s)
				} else if isPatternWord(toks[i]) {
					w, i = toks[i:i+1], i+1
				} else {
					err = fmt.Errorf("pattern %q: unexpected %q in ( )", s, toks[i])
				}
				g.Words = append(g.Words, w...)
			}
			if err == nil && i >= len(toks) {
				err = fmt.Errorf("pattern %q: ( is not closed", s)
			}
			i++
		default:
			if !isPatternWord(tok) {
				return nil, nil, fmt.Errorf("pattern %q: unexpected %q", s, tok)
			}
			g.Words = []string{tok}
			i++
		}
		if err != nil {
			return nil, nil, err
		}
		if star {
			after = append(after, g)
		} else {
			before = append(before, g)
		}
	}
	if !star {
		return nil, nil, fmt.Errorf("pattern %q has no * for the verb", s)
	}
	return before, after, nil
}

// braced reads "{ word… }" at toks[i] and returns the words and the index
// after "}".
func braced(toks []string, i int, s string) ([]string, int, error) {
	var w []string
	for i++; i < len(toks) && toks[i] != "}"; i++ {
		if !isPatternWord(toks[i]) {
			return nil, i, fmt.Errorf("pattern %q: unexpected %q in { }", s, toks[i])
		}
		w = append(w, toks[i])
	}
	if i >= len(toks) {
		return nil, i, fmt.Errorf("pattern %q: { is not closed", s)
	}
	if len(w) == 0 {
		return nil, i, fmt.Errorf("pattern %q: empty { }", s)
	}
	return w, i + 1, nil
}

// patternTokens splits a pattern at spaces, with braces and parentheses
// as tokens of their own, lower case.
func patternTokens(s string) []string {
	var out []string
	for _, f := range strings.Fields(strings.ToLower(s)) {
		start := 0
		for i, r := range f {
			if strings.ContainsRune("{}()", r) {
				if i > start {
					out = append(out, f[start:i])
				}
				out = append(out, string(r))
				start = i + 1
			}
		}
		if start < len(f) {
			out = append(out, f[start:])
		}
	}
	return out
}

// isPatternWord reports whether w is a word, a synset reference or one of
// the actor marks $ + % ^.
func isPatternWord(w string) bool {
	switch w {
	case "$", "+", "%", "^":
		return true
	case "", "&":
		return false
	}
	w = strings.TrimPrefix(w, "&")
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("-'._", r) {
			return false
		}
	}
	return true
}

// flatten lists the words of groups in order, prepositions included.
func flatten(gs []PatternGroup) []string {
	var out []string
	for _, g := range gs {
		if g.Prep != "" {
			out = append(out, g.Prep)
		}
		out = append(out, g.Words...)
	}
	return out
}

// load reads synsets.tsv, then verbs.tsv and dyad's additions to it
// (verbs-dyad.tsv, in the same format; a block named again there gets the
// patterns and verbs that follow, and a pattern given again its new code).
func (v *verbs) load(synsets []byte, verbFiles ...file) error {
	err := eachData("synsets.tsv", synsets, func(loc string, f []string) error {
		if len(f) != 2 || !strings.HasPrefix(f[0], "&") || len(f[0]) < 2 {
			return fmt.Errorf("%s: want &name, members", loc)
		}
		if _, dup := v.synsets[f[0]]; dup {
			return fmt.Errorf("%s: synset %s is listed twice", loc, f[0])
		}
		v.synsets[f[0]] = list(f[1])
		return nil
	})
	if err != nil {
		return err
	}
	for n, vf := range verbFiles {
		var cur *verbBlock
		err := eachData(vf.name, vf.data, func(loc string, f []string) error {
			var err error
			switch f[0] {
			case "block":
				err = v.addBlock(f, &cur)
			case "verb":
				err = v.addVerb(f, cur)
			case "pattern":
				err = v.addPattern(f, cur, n > 0)
			case "plover":
				err = v.addPLOVER(f)
			default:
				err = fmt.Errorf("line kind %q is not block, verb, pattern or plover", f[0])
			}
			if err != nil {
				return fmt.Errorf("%s: %w", loc, err)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// file is a named data file.
type file struct {
	name string
	data []byte
}

func (v *verbs) addBlock(f []string, cur **verbBlock) error {
	if len(f) != 3 {
		return fmt.Errorf("block: want name, code")
	}
	if _, _, err := ParseCode(f[2]); err != nil {
		return fmt.Errorf("block %s: %w", f[1], err)
	}
	if b, ok := v.blocks[f[1]]; ok {
		if b.code != f[2] {
			return fmt.Errorf("block %s: code %s, but %s where it was first given", f[1], f[2], b.code)
		}
		*cur = b
		return nil
	}
	*cur = &verbBlock{name: f[1], code: f[2]}
	v.blocks[f[1]] = *cur
	return nil
}

// addPLOVER reads "plover lemma code type mode context": the PLOVER coding
// of the act that lemma codes as code, where the CAMEO→PLOVER table's
// coding of code does not fit it.
func (v *verbs) addPLOVER(f []string) error {
	if len(f) < 4 || len(f) > 6 {
		return fmt.Errorf("plover: want lemma, code, type, mode, context")
	}
	if !IsCAMEO(f[2]) {
		return fmt.Errorf("plover %s: code %q is not a CAMEO code", f[1], f[2])
	}
	if _, ok := v.block[f[1]]; !ok && f[1] != "*" {
		return fmt.Errorf("plover %s: no such verb in the dictionary", f[1])
	}
	if f[3] == "" {
		return fmt.Errorf("plover %s: no type", f[1])
	}
	v.plover[f[1]+" "+f[2]] = dyad.PLOVER{Type: f[3], Mode: field(f, 4), Context: field(f, 5)}
	return nil
}

func (v *verbs) addVerb(f []string, b *verbBlock) error {
	if b == nil {
		return fmt.Errorf("verb before the first block")
	}
	if len(f) < 3 || len(f) > 4 {
		return fmt.Errorf("verb: want lemma, code, forms")
	}
	lemma := f[1]
	if _, dup := v.block[lemma]; dup {
		return fmt.Errorf("verb %q is already in block %s", lemma, v.block[lemma].name)
	}
	if f[2] != "" {
		if _, _, err := ParseCode(f[2]); err != nil {
			return fmt.Errorf("verb %q: %w", lemma, err)
		}
		v.own[lemma] = f[2]
	}
	v.block[lemma] = b
	v.lemma[lemma], v.ownForm[lemma] = lemma, true
	for _, form := range list(field(f, 3)) {
		if !v.ownForm[form] {
			if _, taken := v.lemma[form]; !taken {
				v.lemma[form] = lemma
			}
		}
	}
	return nil
}

// addPattern adds a pattern line to block b. In dyad's additions (again),
// a pattern the block already has takes the new code.
func (v *verbs) addPattern(f []string, b *verbBlock, again bool) error {
	if b == nil {
		return fmt.Errorf("pattern before the first block")
	}
	if len(f) != 3 {
		return fmt.Errorf("pattern: want pattern, code")
	}
	before, after, err := ParsePattern(f[1])
	if err != nil {
		return err
	}
	for _, w := range append(flatten(before), flatten(after)...) {
		if strings.HasPrefix(w, "&") && v.synsets[w] == nil {
			return fmt.Errorf("pattern %q: synset %s is not defined", f[1], w)
		}
	}
	p := VerbPattern{BeforeGroups: before, AfterGroups: after, Before: flatten(before), After: flatten(after)}
	if p.Code, p.Reverse, err = ParseCode(f[2]); err != nil {
		return fmt.Errorf("pattern %q: %w", f[1], err)
	}
	if again {
		for i, q := range b.patterns {
			if slices.EqualFunc(q.BeforeGroups, p.BeforeGroups, samePatternGroup) && slices.EqualFunc(q.AfterGroups, p.AfterGroups, samePatternGroup) {
				b.patterns[i].Code, b.patterns[i].Reverse = p.Code, p.Reverse
				return nil
			}
		}
	}
	// Insert keeping the most words first and file order among equals.
	n := len(p.Before) + len(p.After)
	i, _ := slices.BinarySearchFunc(b.patterns, n, func(q VerbPattern, n int) int {
		if len(q.Before)+len(q.After) >= n {
			return -1
		}
		return 1
	})
	b.patterns = slices.Insert(b.patterns, i, p)
	return nil
}

func samePatternGroup(a, b PatternGroup) bool {
	return a.Prep == b.Prep && slices.Equal(a.Words, b.Words)
}

// eachData is eachLine over data already read.
func eachData(file string, data []byte, fn func(loc string, f []string) error) error {
	for i, line := range strings.Split(string(data), "\n") {
		if t := strings.TrimSpace(line); t == "" || t[0] == '#' {
			continue
		}
		if err := fn(fmt.Sprintf("%s:%d", file, i+1), splitFields(line)); err != nil {
			return err
		}
	}
	return nil
}
