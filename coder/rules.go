package coder

import (
	"slices"
	"strings"

	"dyad"
	"dyad/lexicon"
)

// match returns the code of the first pattern of lemma whose words are
// found, in order, in the verb's phrase (not in the verbs coordinated with
// it: "built a coalition, and the investigation had confirmed" is no
// investigation built): those before the verb among the
// words before it, those after among the words after. reverse is the code
// of the paired event from target to source that the pattern gives alone
// ("[:173]") or the same as code when the act is mutual ("[046:046]": A
// negotiates with B, and B with A); a pattern coding two different acts
// ("[042:043]") gives only the first: news that A visits B is A's visit. specific is false when only
// the default of the verb's block matched: a verb's own code ("resign",
// 083) says as much as a pattern.
func (k *coding) match(t *tree, v int, lemma string) (code, reverse string, specific bool) {
	var before, after, undergoer []int
	subj := -1
	if passive(t, v) {
		subj = t.child(v, "nsubj:pass")
	}
	for j := range t.Tokens {
		switch {
		case j == v || !t.own(j, v) || t.describesPerson(j):
		case subj >= 0 && t.under(j, subj):
			undergoer = append(undergoer, j)
		case j < v:
			before = append(before, j)
		default:
			after = append(after, j)
		}
	}
	// The subject of a passive is the object of the act: "Minister X was
	// received" matches "receive * minister".
	after = append(after, undergoer...)
	// Of the patterns that match, the one whose words lie nearest the
	// verb wins (the first after it, the last before it; a pattern of
	// prepositions alone counts as farther than any noun), the order of
	// VerbPatterns breaking ties: "launched rocket fire against camps near
	// the border" is fire (193), not border (050).
	best, bestAt := -1, 0
	for i, p := range k.patterns(lemma) {
		_, b, ok := found(t, p.before, before)
		if !ok {
			continue
		}
		a, _, ok := found(t, p.after, after)
		if !ok {
			continue
		}
		at := 2 * len(t.Tokens) // no word to be near with
		if len(p.after) > 0 {
			at = a - v
			if a < v {
				at = v - a // in the passive subject
			}
		}
		if len(p.before) > 0 {
			at = min(at, v-b)
		}
		if p.weak {
			at += len(t.Tokens) // a preposition says less than a noun
		}
		if best < 0 || at < bestAt {
			best, bestAt = i, at
		}
	}
	if best < 0 {
		return "", "", false
	}
	p := k.patterns(lemma)[best]
	return p.code, p.reverse, p.specific
}

// pattern is a verb pattern made ready for matching: each word a list of
// alternatives (a synset's members), each alternative the noun keys of
// its words (see lexicon.NounKey).
type pattern struct {
	before, after [][][]string
	code, reverse string
	specific      bool
	weak          bool // its words are prepositions alone: "* (in) +"
}

// onlyPrepositions reports whether every word of a compiled pattern part
// is a preposition.
func onlyPrepositions(words [][][]string) bool {
	for _, alts := range words {
		for _, keys := range alts {
			for _, k := range keys {
				if !prepositions[k] {
					return false
				}
			}
		}
	}
	return true
}

var prepositions = map[string]bool{"in": true, "to": true, "with": true, "at": true, "on": true,
	"for": true, "from": true, "against": true, "into": true, "of": true, "by": true, "over": true,
	"out": true, "up": true, "down": true, "off": true, "about": true, "toward": true, "towards": true}

// patterns returns the compiled patterns of lemma, compiling them on first
// use.
func (k *coding) patterns(lemma string) []pattern {
	if ps, ok := k.c.compiled.Load(lemma); ok {
		return ps.([]pattern)
	}
	var ps []pattern
	for _, vp := range k.lex.VerbPatterns(lemma) {
		p := pattern{before: k.compile(vp.Before), after: k.compile(vp.After), code: vp.Code,
			reverse: vp.Reverse, specific: len(vp.Before)+len(vp.After) > 0 || k.lex.OwnCode(lemma)}
		p.weak = len(vp.Before)+len(vp.After) > 0 && onlyPrepositions(p.before) && onlyPrepositions(p.after)
		if p.code != "" && p.reverse != p.code {
			p.reverse = "" // see match
		}
		ps = append(ps, p)
	}
	k.c.compiled.Store(lemma, ps)
	return ps
}

// compile turns pattern words into alternatives of noun keys. The markers
// of source ($), target (+), compound actor (%) and the rest of a noun
// phrase (^) need no word and are dropped.
func (k *coding) compile(words []string) [][][]string {
	var out [][][]string
	for _, w := range words {
		if w == "$" || w == "+" || w == "%" || w == "^" {
			continue
		}
		members := []string{w}
		if strings.HasPrefix(w, "&") {
			members = k.lex.Synset(w)
		}
		alts := make([][]string, 0, len(members))
		for _, m := range members {
			var keys []string
			for _, x := range strings.FieldsFunc(m, func(r rune) bool { return r == ' ' || r == '_' }) {
				keys = append(keys, lexicon.NounKey(x))
			}
			if len(keys) > 0 {
				alts = append(alts, keys)
			}
		}
		out = append(out, alts)
	}
	return out
}

// describesPerson reports whether the noun at j stands in apposition to a
// person's name: "his rival Elias Hrawi" names a rival, it expresses no
// rivalry (the &opposition of "described * &opposition").
func (t *tree) describesPerson(j int) bool {
	if t.Tokens[j].UPOS != "NOUN" {
		return false
	}
	for _, c := range t.children(j, "appos") {
		for _, m := range t.actors(c) {
			if m.Type == dyad.PER {
				return true
			}
		}
	}
	return false
}

// found reports whether the pattern's words occur in order among the
// tokens toks of t, and the tokens where the first of them starts and the
// last ends.
func found(t *tree, words [][][]string, toks []int) (first, last int, ok bool) {
	i := 0
	for w, alts := range words {
		n := 0
		for ; i < len(toks); i++ {
			if n = matchAt(t, toks[i:], alts); n > 0 {
				break
			}
		}
		if n == 0 {
			return 0, 0, false
		}
		if w == 0 {
			first = toks[i]
		}
		last = toks[i+n-1]
		i += n
	}
	return first, last, true
}

// matchAt returns the number of tokens one of alts covers at the start of
// toks, or 0. Words compare by noun key, so a noun matches in either
// number: "talks" matches "talk".
func matchAt(t *tree, toks []int, alts [][]string) int {
next:
	for _, keys := range alts {
		if len(keys) > len(toks) {
			continue
		}
		for i, key := range keys {
			if t.keys[toks[i]] != key {
				continue next
			}
		}
		return len(keys)
	}
	return 0
}

// negated reports whether the verb at v is denied: "did not meet", "never
// visited".
func negated(t *tree, v int) bool {
	for _, c := range t.children(v, "advmod") {
		switch t.words[c] {
		case "not", "n't", "never":
			return true
		}
	}
	return false
}

// unreal reports whether the verb at v says what is asked for (see
// requested), what is charged (see charge), a condition or a description
// (see describing), or completes,
// serves or is joined to a verb that is one of these or is denied: "would
// not give permission to Russia to help Israel" says no help will come,
// "must ensure security to allow aid" that none has yet.
func (k *coding) unreal(t *tree, v int) bool {
	if k.requested(t, v) || k.charge(t, v) || condition(t, v) || describing(t, v) {
		return true
	}
	for range 4 {
		switch t.rel(v) {
		case "xcomp", "advcl", "acl":
		case "conj":
			// "did not visit Uganda or meet Tanzania", but not "did not
			// visit Uganda but met Tanzania"
			if cc := t.child(v, "cc"); cc >= 0 && contrasts[t.words[cc]] {
				return false
			}
		default:
			return false
		}
		v = t.head(v)
		if v < 0 {
			return false
		}
		if t.Tokens[v].UPOS == "VERB" && (negated(t, v) || k.requested(t, v) || k.charge(t, v) || condition(t, v)) {
			return true
		}
	}
	return false
}

// describing reports whether the verb at v is in the simple present in a
// relative clause: "the Taliban faction that controls Afghanistan"
// describes the faction, it reports no act.
func describing(t *tree, v int) bool {
	if t.Tokens[v].Rel != "acl:relcl" || t.child(v, "aux") >= 0 {
		return false
	}
	x := t.Tokens[v].XPOS
	return x == "VBZ" || x == "VBP"
}

// contrasts are the conjunctions that set a conjunct against the one
// before it.
var contrasts = map[string]bool{"but": true, "yet": true}

// requested reports whether the verb at v is what someone asks for, not
// something done: a reported obligation ("said US forces must ensure
// security"), the complement of a request ("demanded the parties allow
// aid", "urged the EC to support the PLO"), the clause of a noun naming
// one ("an appeal for deploying troops") or of what is asked for ("demanded
// an admission that …"). The request is the event.
func (k *coding) requested(t *tree, v int) bool {
	for _, c := range t.children(v, "aux") {
		if obligations[t.words[c]] {
			return true
		}
	}
	h := t.head(v)
	if t.rel(v) == "acl" && h >= 0 && requestNouns[t.keys[h]] {
		return true // "faced pressure from Congress to help Iran"
	}
	if (t.rel(v) == "acl" || t.rel(v) == "ccomp") && h >= 0 && t.rel(h) == "obj" && t.head(h) >= 0 {
		// "demanded an admission by Moscow that Soviet forces murdered
		// Polish officers": what the demanded thing would say
		if lemma, ok := k.lex.VerbLemma(t.words[t.head(h)]); ok && requests[lemma] {
			return true
		}
	}
	if !complement(t, v) && t.rel(v) != "ccomp" {
		return false
	}
	if o := t.child(h, "obj"); o >= 0 && requestNouns[t.keys[o]] {
		return true // the same, the clause hung from the verb: "faces pressure … to help"
	}
	lemma, ok := k.lex.VerbLemma(t.words[h])
	return ok && requests[lemma]
}

// reason reports whether the verb at v is a clause of "for" or "of" that
// says why: "thanked Uganda for helping", "accused Uganda of arming".
func reason(t *tree, v int) bool {
	mk := t.mark(v)
	return (t.rel(v) == "advcl" || t.rel(v) == "acl") && (mk == "for" || mk == "of")
}

// charge reports whether the verb at v is what someone is punished or
// blamed for, a charge and not an event: "jailed a student for helping
// militants", "accused Uganda of arming rebels".
func (k *coding) charge(t *tree, v int) bool {
	if !reason(t, v) {
		return false
	}
	h := t.head(v)
	for h >= 0 && t.Tokens[h].UPOS != "VERB" {
		h = t.head(h) // "accused Uganda of arming": "of arming" under "Uganda"
	}
	if h < 0 {
		return false
	}
	lemma, ok := k.lex.VerbLemma(t.words[h])
	if !ok {
		return false
	}
	code, _, _ := k.match(t, h, lemma)
	switch code[:min(2, len(code))] {
	case "11", "16", "17":
		return true
	}
	return false
}

// requestNouns name requests: what their clause says is asked for.
var requestNouns = map[string]bool{"pressure": true, "call": true, "appeal": true, "demand": true,
	"request": true, "plea": true, "ultimatum": true, "proposal": true, "invitation": true}

// requests are the verbs whose complement is what they ask for.
var requests = map[string]bool{"demand": true, "urge": true, "ask": true, "call": true,
	"appeal": true, "request": true, "press": true, "pressure": true, "implore": true,
	"beg": true, "plead": true, "insist": true, "push": true}

// passive reports whether the verb at v is in the passive voice, or a
// participle that is (see participle). A passive subject with no passive
// auxiliary on a verb with an object is the parser's error ("The Israeli
// army forced out … refugees"): the verb is active.
func passive(t *tree, v int) bool {
	if t.child(v, "aux:pass") >= 0 || participle(t, v) {
		return true
	}
	return t.child(v, "nsubj:pass") >= 0 && t.child(v, "obj") < 0
}

// participle reports whether the verb at v is a past participle with no
// object that modifies a noun, a passive whose subject is that noun:
// "soldiers killed in Ukraine", and "a member of Hamas jailed a year ago"
// with "jailed" taken for a past tense, when the verb cannot go without
// an object.
func participle(t *tree, v int) bool {
	if t.child(v, "obj") >= 0 {
		return false
	}
	if t.child(v, "aux") >= 0 {
		return false // "which has acted as a go-between"
	}
	return t.rel(v) == "acl" && t.Tokens[v].XPOS == "VBN" && t.child(v, "nsubj") < 0 ||
		t.Tokens[v].XPOS == "VBD" && undergone[t.words[v]]
}

// undergone are past forms of verbs that take an object: without one, the
// past tense is a participle.
var undergone = map[string]bool{"jailed": true, "arrested": true, "detained": true,
	"imprisoned": true, "killed": true, "wounded": true, "injured": true, "captured": true,
	"abducted": true, "kidnapped": true, "deported": true, "expelled": true, "sentenced": true,
	"convicted": true, "indicted": true, "executed": true, "assassinated": true, "murdered": true}

// relatives are the pronouns that open a relative clause.
var relatives = map[string]bool{"who": true, "which": true, "that": true}

// subject returns the token heading the subject of the verb at v: its own,
// or that of the verb it shares it with: the verb it is the complement or
// conjunct of ("plans to visit", "met and held talks"), the subject of a
// raising verb ("is expected to visit"), or the noun a relative clause
// modifies ("Sa'ar, who met Aliyev"). It is -1 when there is none.
func subject(t *tree, v int) int {
	for depth := range 4 {
		s := t.child(v, "nsubj")
		if s < 0 && (depth > 0 || !passive(t, v)) {
			s = t.child(v, "nsubj:pass")
		}
		if s < 0 {
			s = t.child(v, "expl") // "it is willing": a subject taken for a dummy
		}
		switch {
		case s >= 0 && relatives[t.words[s]] && t.rel(v) == "acl":
			return t.head(v)
		case s >= 0 && t.ofToken[s] < 0 && (reportedPronouns[t.words[s]] || ownedByReporter(t, s)):
			// "Iraq said it would allow …": it is the one who said so,
			// as "its troops had begun" are its own.
			if r := reporter(t, v); r >= 0 {
				if rs := subject(t, r); rs >= 0 {
					return rs
				}
			}
			return s
		case s >= 0:
			return s
		}
		if h := t.head(v); h >= 0 && reason(t, v) {
			if o := t.child(h, "obj"); o >= 0 {
				return o // "thanked Uganda for helping Somalia": Uganda helped
			}
		}
		switch t.rel(v) {
		case "xcomp", "conj", "advcl":
			v = t.head(v)
		case "acl":
			// A verb with an object that modifies a noun is done by
			// it: "forces killing civilians", and "Serb forces killed
			// three Albanians" parsed as a noun phrase with a reduced
			// relative.
			h := t.head(v)
			if statements[t.keys[h]] && t.head(h) >= 0 {
				// "the PKK issued a declaration demanding …": who
				// issued it
				v = t.head(h)
				continue
			}
			if t.rel(h) == "conj" {
				h = t.head(h) // "Kenyan troops and Ugandan troops shelled …"
			}
			if t.child(v, "obj") >= 0 {
				return h
			}
			return -1
		default:
			return -1
		}
	}
	return -1
}

// statements are nouns for what someone issues that says or asks
// something.
var statements = map[string]bool{"statement": true, "declaration": true, "communique": true,
	"resolution": true, "letter": true, "report": true, "message": true, "note": true}

// ownedByReporter reports whether the noun at s is owned by a pronoun of
// reportedPronouns and names no actor itself: "its troops", "their forces".
func ownedByReporter(t *tree, s int) bool {
	if len(t.actors(s)) > 0 {
		return false
	}
	p := t.child(s, "nmod:poss")
	return p >= 0 && possessives[t.words[p]]
}

// possessives are the possessive forms of reportedPronouns.
var possessives = map[string]bool{"its": true, "their": true, "our": true}

// reportedPronouns stand for whoever reports the clause they are the
// subject of.
var reportedPronouns = map[string]bool{"it": true, "they": true, "we": true}

// reporter returns the verb whose clausal complement holds the verb at v:
// "said" in "Iraq said it would allow", or -1.
func reporter(t *tree, v int) int {
	for range 4 {
		switch t.rel(v) {
		case "ccomp":
			return t.head(v)
		case "xcomp", "conj":
			v = t.head(v)
		default:
			return -1
		}
	}
	return -1
}

// obligations make a reported clause a demand: "China must drop barriers".
var obligations = map[string]bool{"must": true, "should": true}

// demand reads "the Bush administration declared that China must drop
// barriers" as a demand (CAMEO 100) from the reporter to the subject of
// the clause.
func (k *coding) demand(t *tree, v int) {
	obliged := false
	for _, c := range t.children(v, "aux") {
		obliged = obliged || obligations[t.words[c]]
	}
	r := reporter(t, v)
	if !obliged || r < 0 {
		return
	}
	s := t.child(v, "nsubj")
	if s < 0 {
		return
	}
	sources, guessed := doers(t, r)
	conf := 0.6
	if guessed {
		conf -= 0.2
	}
	k.addAll(t, v, sources, t.actors(s), "100", conf)
}

// subjectActors returns the actors of the subject of the verb at v (see
// subject), with those of other subjects the parser gave the same verb
// instead of coordinating them: "The US, Russia, and Switzerland met".
func subjectActors(t *tree, v int) []mention {
	s := subject(t, v)
	if s < 0 {
		return nil
	}
	out := t.actorsWhere(s, t.doer)
	if h := t.head(s); h >= 0 {
		for _, o := range t.children(h, t.Tokens[s].Rel) {
			if o != s {
				out = append(out, t.actorsWhere(o, t.doer)...)
			}
		}
	}
	return out
}

// doer reports whether mention m can be who acts for the subject headed
// by k: not when it sits in a phrase of k's other than a possessive or
// one with "of", "from", "by" or "in" ("a tariff on Chinese buses will
// protect" is no Chinese act; "officials in Kenya" are Kenya's).
func (t *tree) doer(m mention, k int) bool { return t.through(m, k, doerCases) }

// forcer reports whether mention m can be who uses the force the noun k
// names: a modifier or possessor of it, or in a phrase of "by" or "from"
// ("Israeli shelling", "shelling by Israeli tanks"), not where it fell
// ("shelling in southern Gaza").
func (t *tree) forcer(m mention, k int) bool { return t.through(m, k, forcerCases) }

var (
	doerCases   = map[string]bool{"of": true, "from": true, "by": true, "in": true, "'s": true, "'": true}
	forcerCases = map[string]bool{"from": true, "by": true, "'s": true, "'": true}
)

// through reports whether mention m hangs from token k through phrases
// of the prepositions in cases only.
func (t *tree) through(m mention, k int, cases map[string]bool) bool {
	for j := m.from; j != k && j >= 0; j = t.head(j) {
		if c := t.child(j, "case"); c >= 0 && !cases[t.words[c]] {
			return false
		}
	}
	return true
}

// targetCases are the prepositions whose phrase can be an event's target:
// "met with", "sanctions on", "visit to", "fired at". A phrase without one
// counts too: it is an object the parser took for a modifier ("visit
// Uganda next week").
var targetCases = map[string]bool{"": true, "with": true, "to": true, "against": true, "on": true,
	"at": true, "into": true, "toward": true, "towards": true, "upon": true, "onto": true,
	"from": true, "for": true}

// objects returns the actors the verb at v acts on: its objects, then the
// phrases introduced by a target preposition.
func objects(t *tree, v int) []mention {
	var out []mention
	for _, rel := range [...]string{"obj", "iobj"} {
		for _, c := range t.children(v, rel) {
			out = append(out, t.actors(c)...)
		}
	}
	for _, c := range t.children(v, "obl") {
		if targetCases[t.caseOf(c)] {
			out = append(out, t.actors(c)...)
		}
	}
	return out
}

// aboutWhom returns the targets of a complaint, an accusation or an
// investigation by the verb at v: besides its objects (targets), whom it
// is "over" or "about"; those it is addressed to ("to") only when it names
// no one else (Lebanon "complained to the United Nations over Israeli air
// raids" complains of Israel); and of an act whose doer is named, the
// doer, not those it was done to ("investigating war crimes by Croatian
// extremists against Serb civilians").
func aboutWhom(t *tree, v int, targets []mention) []mention {
	var about, to, by []mention
	for _, c := range t.children(v, "obl") {
		switch t.caseOf(c) {
		case "to":
			to = append(to, t.actors(c)...)
		case "over", "about":
			about = append(about, t.actors(c)...)
		case "by": // the object's doer, hung from the verb
			by = append(by, t.actors(c)...)
		}
	}
	for _, o := range t.children(v, "obj") {
		for _, c := range t.children(o, "nmod") {
			if t.caseOf(c) == "by" {
				by = append(by, t.actors(c)...)
			}
		}
	}
	if len(by) > 0 {
		return append(by, about...)
	}
	targets = append(targets, about...)
	rest := slices.DeleteFunc(slices.Clone(targets), func(m mention) bool { return containsActor(to, m.actor.ID) })
	if len(rest) == 0 {
		return targets
	}
	return rest
}

// How an event is meant: done, intended ("will visit", "plans to"),
// threatened ("threatened to", or intended unless something happens:
// "will withdraw unless") or refused ("refused to").
type mood int

const (
	done mood = iota
	intended
	threatened
	refused
)

// Words that set the mood of the verb they govern.
var (
	modals     = map[string]bool{"will": true, "would": true, "'ll": true, "shall": true, "may": true, "might": true, "could": true, "should": true}
	intentions = map[string]bool{"plan": true, "intend": true, "expect": true, "hope": true,
		"want": true, "seek": true, "aim": true, "propose": true, "offer": true, "promise": true,
		"pledge": true, "vow": true, "decide": true, "prepare": true, "wish": true, "agree": true,
		"set": true, "due": true, "scheduled": true, "poised": true,
		"ready": true, "willing": true, "eager": true, "determined": true, "swear": true}
	threats  = map[string]bool{"threaten": true, "warn": true}
	refusals = map[string]bool{"refuse": true, "decline": true, "reject": true}
	// Verbs whose negation is a refusal ("will not accept refugees"),
	// where other negated acts are no event.
	acceptances = map[string]bool{"accept": true, "allow": true, "permit": true, "agree": true,
		"approve": true, "recognize": true, "recognise": true}
	// An act intended unless something happens is a threat; intended if
	// something happens, a conditional offer, which the intent codes
	// already make a threat for force ("will attack if").
	conditions = map[string]bool{"unless": true}
	// Nouns that make giving or granting them an acceptance: "would not
	// give permission" is a refusal.
	permissions = map[string]bool{"permission": true, "approval": true, "consent": true,
		"go-ahead": true, "clearance": true, "authorization": true, "authorisation": true}
)

// accepting reports whether the verb at v, of lemma, accepts or allows
// something, so that its negation is a refusal: "will not accept
// refugees", "would not give permission".
func accepting(t *tree, v int, lemma string) bool {
	if acceptances[lemma] {
		return true
	}
	o := t.child(v, "obj")
	return o >= 0 && permissions[t.words[o]]
}

// mood tells how the verb at v is meant: by its modal, by the verb it is
// the complement, the conjunct or the means of, and by a condition put on
// it.
func (k *coding) mood(t *tree, v int) mood {
	m := done
	for _, c := range t.children(v, "aux") {
		if modals[t.words[c]] {
			m = intended
		}
	}
	h := t.head(v)
	if m == done && (t.rel(v) == "conj" || means(t, v)) && h >= 0 && t.Tokens[h].UPOS == "VERB" {
		// "threatened to cut aid and impose sanctions", "seek to deepen
		// ties by promoting trade"
		return k.mood(t, h)
	}
	if !complement(t, v) {
		// "Greece plans to impose", with "plans" tagged a noun: the
		// word before the infinitive's "to".
		h = -1
		if mk := t.child(v, "mark"); mk > 0 && t.words[mk] == "to" {
			h = mk - 1
		}
	}
	if m == done && h >= 0 {
		lemma, ok := k.lex.VerbLemma(t.words[h])
		if !ok {
			lemma = t.words[h]
		}
		switch {
		case threats[lemma]:
			return threatened
		case refusals[lemma]:
			return refused
		case intentions[lemma]:
			m = intended
		case h == t.head(v):
			m = k.mood(t, h)
		}
	}
	if m == intended {
		for _, c := range t.children(v, "advcl") {
			if conditions[t.mark(c)] {
				return threatened
			}
		}
	}
	return m
}

// condition reports whether the verb at v says on what condition the
// verb it depends on is meant: "if he gave them a veto".
func condition(t *tree, v int) bool {
	mk := t.mark(v)
	return t.rel(v) == "advcl" && (mk == "if" || mk == "unless")
}

// means reports whether the verb at v says how the verb it depends on is
// done: "by promoting biofuels".
func means(t *tree, v int) bool {
	return t.rel(v) == "advcl" && t.mark(v) == "by"
}

// complement reports whether the verb at v completes the verb it depends
// on: an xcomp, or a to-infinitive the parser took for a purpose clause
// ("threatened today to impose").
func complement(t *tree, v int) bool {
	if t.rel(v) == "advcl" {
		return t.mark(v) == "to"
	}
	return t.rel(v) == "xcomp"
}

// inMood returns the code of an event coded as code, meant as m: the
// intent to do it (CAMEO 03, and threats for force: 13), the threat of it
// (13) or its rejection (12).
func inMood(code string, m mood) string {
	switch m {
	case intended:
		if c, ok := intentFine[code[:min(3, len(code))]]; ok {
			return c
		}
		if c, ok := intentRoots[code[:2]]; ok {
			return c
		}
	case threatened:
		if strings.HasPrefix(code, "13") {
			return code
		}
		if c, ok := threatRoots[code[:2]]; ok {
			return c
		}
		return "130"
	case refused:
		if strings.HasPrefix(code, "12") {
			return code
		}
		if c, ok := refusalRoots[code[:2]]; ok {
			return c
		}
		return "120"
	}
	return code
}

// intentRoots map the roots of cooperation done to the intent to do it,
// and material conflict to the threat of it (CAMEO 03 and 13).
var intentRoots = map[string]string{
	"04": "036", "05": "032", "06": "031", "07": "033", "08": "035",
	"16": "131", "17": "137", "18": "138", "19": "138", "20": "138",
}

// intentFine maps the codes whose intent has a code of its own.
var intentFine = map[string]string{
	"061": "0311", "062": "0312", "063": "0313", "064": "0314",
	"071": "0331", "072": "0332", "073": "0333", "074": "0334",
}

// threatRoots map acts to the threat of them (CAMEO 13).
var threatRoots = map[string]string{
	"16": "131", "17": "137", "18": "138", "19": "138", "20": "138",
}

// refusalRoots map cooperation to its rejection (CAMEO 12).
var refusalRoots = map[string]string{
	"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124",
}

// describeAs codes "described Aliyev as “a visionary leader”" by the tone
// of the words after "as": praise (051) or criticism (111).
func describeAs(lex *lexicon.Lexicon, t *tree, v int) (string, bool) {
	switch t.words[v] {
	case "describe", "described", "describes", "describing", "labelled", "labeled",
		"branded", "portrayed", "characterized", "characterised":
	default:
		return "", false
	}
	as := -1
	for j := v + 1; j < len(t.words) && j <= v+6; j++ {
		if t.words[j] == "as" {
			as = j
			break
		}
	}
	if as < 0 {
		return "", false
	}
	score := 0
	for j := as + 1; j < len(t.words) && j <= as+12; j++ {
		if w := t.words[j]; w == "," || w == "." || w == ";" {
			break
		}
		score += lex.Tone(t.words[j])
	}
	switch {
	case score > 0:
		return "051", true
	case score < 0:
		return "111", true
	}
	return "", false
}

// cooperationNouns name ties between actors; growthVerbs make them
// stronger.
var (
	cooperationNouns = map[string]bool{"partnership": true, "partnerships": true,
		"cooperation": true, "co-operation": true, "ties": true, "relations": true,
		"relationship": true, "collaboration": true, "alliance": true}
	growthVerbs = map[string]bool{"strengthen": true, "consolidate": true, "deepen": true,
		"expand": true, "enhance": true, "boost": true, "develop": true, "build": true,
		"broaden": true, "advance": true, "improve": true, "upgrade": true, "promote": true,
		"foster": true, "intensify": true, "forge": true, "establish": true, "elevate": true,
		"widen": true, "bolster": true, "reinforce": true, "increase": true}
)

// Themes of cooperation: material cooperation is economic (061) or
// military (062); other ties are diplomatic (050).
var (
	economicThemes = map[string]bool{"ENERGY": true, "AGRICULTURE": true, "WATER": true,
		"TOURISM": true, "TECHNOLOGY": true, "TRADE": true, "INVESTMENT": true,
		"FINANCE": true, "TRANSPORT": true}
	militaryThemes = map[string]bool{"DEFENCE": true, "SECURITY": true}
)

// cooperation reads the noun at n as an event when it names ties that a
// verb of growth acts on: "consolidate its strategic partnership with
// Azerbaijan", "deepen cooperation with Kenya". The code depends on what
// the sentence says the ties are about: economic sectors give economic
// cooperation (061), only military ones military cooperation (062), none
// diplomatic cooperation (050).
func (k *coding) cooperation(t *tree, n int) (lexicon.Nominal, bool) {
	v := t.head(n)
	if !cooperationNouns[t.words[n]] || v < 0 || t.rel(n) != "obj" {
		return lexicon.Nominal{}, false
	}
	lemma, ok := k.lex.VerbLemma(t.words[v])
	if !ok {
		lemma = t.words[v]
	}
	if !growthVerbs[lemma] {
		return lexicon.Nominal{}, false
	}
	economic, military := false, false
	for i := 0; i < len(t.words); i++ {
		theme, n := k.lex.Theme(t.words[i:])
		economic = economic || economicThemes[theme]
		military = military || militaryThemes[theme]
		i += max(n-1, 0)
	}
	code := "050"
	switch {
	case economic:
		code = "061"
	case military:
		code = "062"
	}
	return lexicon.Nominal{Noun: t.words[n], Code: code, Target: []string{"with", "between"}, Source: []string{"between"}}, true
}
