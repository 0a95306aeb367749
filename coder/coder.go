// Package coder codes events, who did what to whom, from an analysis: its
// dependency parse, its mentions resolved to actors and its dates, with the
// CAMEO verb patterns, nominal events and CAMEO and PLOVER tables of
// lexicon.
//
// For each verb of a sentence that the verb dictionary knows, the source
// is the actor its subject names (a subject it shares with the verb it
// depends on: "Israel plans to visit", "met Aliyev and held talks"; the
// reporter's for "it" in "Iraq said it would allow"; the noun a verb with
// an object modifies: "troops shelling Kenyan positions", and "Serb forces
// killed three Albanians" parsed as a reduced relative; one event for each
// conjunct of a compound subject), the target the actor of its object or
// of a prepositional phrase ("met with", "sanctions on"), else of the
// verb it governs ("threatened to cut off electricity to Nakhichevan"),
// for a demand or an appeal, the subject of the clause that says what is
// asked ("demanded that the US cancel"), for an accusation the subject of
// what is alleged ("claimed that ISIL had attacked"), else any actor named
// after it in its phrase; in the passive, the agent ("by", or the user of
// the force it was done in: "killed in Israeli shelling") is the source,
// else the state named as the place ("soldiers were killed in Somalia",
// as for force no one is named for: "a bombing near Samarra killed"),
// and the subject the target (people no one names: that state), also of a
// nominal event ("was put under investigation"). The verb's patterns, most
// specific first, are matched against the words of its phrase (and of its
// subject in the passive: "Minister X was received") to choose the CAMEO
// code. A negated verb gives no event, but for accepting,
// allowing, agreeing or giving permission, whose negation is a refusal
// (12x). The mood of a verb
// changes its code: intended ("will visit", "plans to", "is expected to")
// turns cooperation into the matching intent (04x → 036, …) and force into
// a threat (13x); threatened ("threatened to", or intended unless
// something happens: "will withdraw unless") gives a threat; refused
// ("refused to") a rejection (12x). A condition ("if Uganda sends troops")
// is no event. What is asked for ("must ensure", "demanded the
// rebels allow", "urged Uganda to support") is no event, nor is what serves
// it: the request is. Agreeing or deciding to do what the dictionary does not
// code is the intent to cooperate (030). "X said that Y must …" is X's
// demand (100) on Y. Nouns that name events ("Sa'ar's visit to Baku",
// "held talks with Bayramov"; the longest name with the words before the
// noun: a "hunger strike" is not a "strike") are coded with the possessor, a "by" phrase
// or the subject of the verb they depend on as the source. Mutual acts
// (talks, meetings, negotiations, patterns coded "[x:x]") give an event
// each way; with a compound subject and no target, each conjunct is the
// other's target in cooperation ("Israel and Azerbaijan agreed"), and acts
// alone in conflict ("Kenya and Uganda protested in Tanzania"). An act with no target
// named is aimed at a state named as a place in its phrase ("lifted a
// curfew in Montenegro"), or, done by a group of society (rebels,
// protesters), at its own state; a sentence that codes nothing else keeps
// its most certain act aimed at no one ("Kenya declared a ceasefire"). What
// protesters demand or decry in the sentence of their protest is the
// protest's content, not an event of its own.
//
// An event is dated by a date in its sentence, else by the lead's (news
// leads date the story: "announced on Monday"), else by the publication
// date; it is located at a place its sentence names, else at the dateline.
// The same event (date, source, target, code) found several times in an
// article is one event whose Mentions counts them. Confidence is 0.8 for a
// specific pattern, 0.6 for a verb's default code or a nominal event, 0.2
// less with an implicit target.
package coder

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"dyad"
	"dyad/lexicon"
)

// Version names the coding rules; every event carries it.
const Version = "dyad-coder-1"

// Coder codes events. It is safe for concurrent use.
type Coder struct {
	Lexicon  *lexicon.Lexicon
	compiled sync.Map // lemma → []pattern
}

// New returns a Coder on lex.
func New(lex *lexicon.Lexicon) *Coder { return &Coder{Lexicon: lex} }

var _ dyad.Coder = (*Coder)(nil)

// Code sets an.Events from an's parse, mentions and dates.
func (c *Coder) Code(an *dyad.Analysis) error {
	actors := make(map[string]dyad.Actor, len(an.Actors))
	for _, a := range an.Actors {
		actors[a.ID] = a
	}
	k := &coding{c: c, lex: c.Lexicon, an: an, index: map[string]int{}, implicit: map[int]bool{}}
	k.lead = k.leadDate()
	trees := make([]*tree, len(an.Sentences))
	for i, s := range an.Sentences {
		trees[i] = newTree(an.Article.Text, s, an.Mentions, actors)
	}
	if len(trees) > 0 {
		k.dateline = dateline(trees[0])
	}
	for _, t := range trees {
		k.sentence(t)
	}
	an.Events = k.events
	if an.Events == nil {
		an.Events = []dyad.Event{}
	}
	return nil
}

// coding is the state of coding one article.
type coding struct {
	c        *Coder
	lex      *lexicon.Lexicon
	an       *dyad.Analysis
	lead     string // the date of the lead, if it gives one
	dateline string // the place of the dateline, if any
	events   []dyad.Event
	index    map[string]int // events by Key
	lone     []loneEvent    // the sentence's acts aimed at no one named
	implicit map[int]bool   // the sentence's events aimed at their source's own state, by index
}

// loneEvent is an act for which neither the sentence nor the source's
// place gives a target.
type loneEvent struct {
	at   int
	src  mention
	code string
	conf float64
}

// sentence codes the verbs of t, then the nouns that name events and that
// no coded verb took as its object.
func (k *coding) sentence(t *tree) {
	before := len(k.events)
	k.lone = k.lone[:0]
	clear(k.implicit)
	coded := map[int]bool{}
	for v, tok := range t.Tokens {
		if tok.UPOS != "VERB" {
			continue
		}
		coded[v] = k.verb(t, v)
		k.demand(t, v)
	}
	for n, tok := range t.Tokens {
		if tok.UPOS == "NOUN" && !coded[t.head(n)] {
			k.nominal(t, n)
		}
	}
	k.prune(before)
	if len(k.events) == before {
		k.addLone(t)
	}
}

// addLone records, for a sentence that codes no event, its most confident
// act aimed at no one named: "Akayev has agreed to resign" still tells who
// did what. Beside events with a target, such acts are mostly by-products
// of the parse, and only those a specific pattern coded with a subject
// the parse gave are kept (see alone): with every act aimed at no one, the
// PLOVER dev F1 fell 5 points.
func (k *coding) addLone(t *tree) {
	if len(k.lone) == 0 {
		return
	}
	l := k.lone[0]
	for _, o := range k.lone[1:] {
		if o.conf > l.conf {
			l = o
		}
	}
	k.add(t, l.at, l.src, mention{}, l.code, l.conf)
}

// prune drops, of the events coded from the sentence since index from,
// what it says twice: demands and criticism (10x, 11x) by a source that
// also protests in it (14x: "staged a hunger strike to demand the
// resignation of", "rallied against Abbas, saying he must resign" voice
// what the protest is about, and the protest is the event), and an act
// aimed, for want of a target, at its source's own state by a source with
// an act of the same root at another ("Palestinian bombers killed 23
// people … when they blew themselves up in Tel Aviv": the bombers' attack
// on Israel is not also one on their own state).
func (k *coding) prune(from int) {
	protesters, named := map[string]bool{}, map[string]bool{}
	for i, e := range k.events[from:] {
		if e.Root == "14" {
			protesters[e.Source.Code] = true
		}
		if e.Target.Code != "" && !k.implicit[from+i] {
			named[e.Source.Code+"|"+e.Root] = true
		}
	}
	kept := k.events[:from]
	for i, e := range k.events[from:] {
		if (e.Root == "10" || e.Root == "11") && protesters[e.Source.Code] ||
			k.implicit[from+i] && named[e.Source.Code+"|"+e.Root] {
			delete(k.index, e.Key())
			continue
		}
		k.index[e.Key()] = len(kept)
		kept = append(kept, e)
	}
	k.events = kept
}

// verb codes the verb at token v, reporting whether it gave an event with
// a target the sentence names.
func (k *coding) verb(t *tree, v int) bool {
	lemma, ok := k.lex.VerbLemma(t.words[v])
	neg := negated(t, v)
	if !ok || neg && !accepting(t, v, lemma) || k.governsEvent(t, v) || k.unreal(t, v) {
		return false
	}
	code, reverse, specific := k.match(t, v, lemma)
	if intentions[lemma] && code != "" && !strings.HasPrefix(code, "03") && len(t.children(v, "xcomp")) > 0 {
		// "agreed to undertake joint exercises": what is agreed to is
		// not coded, but agreeing to it is the intent to cooperate.
		code, reverse = "030", ""
	}
	if c, ok := describeAs(k.lex, t, v); ok {
		code, reverse, specific = c, "", true
	}
	if lemma == "demand" && strings.HasPrefix(code, "02") {
		// PETRARCH-2's DEMAND block codes appeals (02), as most of its
		// verbs make them ("bid", "press"); demanding is 10, whose codes
		// follow the appeals' one for one ("demanded support": 102).
		code = "10" + code[2:]
	}
	if code == "" && reverse == "" && neg {
		code = "120" // "will not accept refugees", which the dictionary does not code
	}
	if code == "" && reverse == "" {
		return false
	}
	both := code != "" && reverse == code // a mutual act: "[046:046]"
	var sources, targets []mention
	guessed := false
	if passive(t, v) {
		for _, c := range t.children(v, "nsubj:pass") {
			targets = append(targets, t.actors(c)...)
		}
		switch {
		case participle(t, v):
			// (with the subject's doer rule: "a tariff on Chinese
			// buses, endorsed by EU leaders" is aimed at no one named)
			n := t.child(v, "nsubj")
			if n < 0 {
				n = t.head(v)
			}
			targets = t.actorsWhere(n, t.doer)
		case t.child(v, "nsubj:pass") < 0:
			targets = subjectActors(t, v) // "Uganda is expected to be visited by …"
		}
		sources, guessed = k.agents(t, v, len(targets) > 0)
		if s := t.child(v, "nsubj:pass"); len(targets) == 0 && len(sources) > 0 && s >= 0 && t.Tokens[s].UPOS != "PRON" {
			// "Four children were killed in Israeli shelling in Gaza":
			// people no one names are of the state where it was done.
			targets = placeMentions(t, v)
		}
	} else {
		sources, guessed = doers(t, v)
		if s := subject(t, v); len(sources) == 0 && s >= 0 && k.force(t, s) {
			// "A roadside bombing near Samarra killed a U.S. soldier":
			// force no one is named for is, as in the passive, the doing
			// of the state where it was used.
			sources, guessed = placeMentions(t, v), true
		}
		targets = slices.DeleteFunc(objects(t, v), t.closingReporter)
		if strings.HasPrefix(code, "09") || strings.HasPrefix(code, "11") {
			targets = aboutWhom(t, v, targets)
		}
		// "threatened to cut off electricity to Nakhichevan": the target
		// of an intention is that of what is intended.
		for _, x := range t.children(v, "xcomp") {
			if len(targets) == 0 {
				targets = objects(t, x)
			}
		}
		if len(targets) == 0 && (strings.HasPrefix(code, "02") || strings.HasPrefix(code, "10") || strings.HasPrefix(code, "11")) {
			// "demanded that the US cancel …": who is asked is
			// the subject of what is asked for, as who is accused is
			// the subject of what is alleged ("claimed that ISIL had
			// attacked"), or, in a clause the tagger garbled (a
			// subjunctive "cancel" taken for a noun), whoever it names.
			for _, c := range t.children(v, "ccomp") {
				if s := t.child(c, "nsubj"); s >= 0 {
					c = s
				}
				targets = append(targets, t.actors(c)...)
			}
		}
		if len(targets) == 0 && !(both && len(sources) > 1) {
			// (A mutual act of a compound subject, "Ivorian troops and
			// Burkinabe soldiers exchanged fire", is between them.)
			targets = phraseActors(t, v, sources)
		}
	}
	conf := 0.6
	if specific {
		conf = 0.8
	}
	if guessed {
		conf -= 0.2
	}
	if code == "" {
		// Only the paired event: "appeared before the court" is the
		// court's doing.
		sources, targets, code = targets, sources, reverse
	}
	if len(targets) == 0 && domestic(code) {
		// at the place named ("eased emergency measures in Montenegro
		// province"), else at home
		if targets = placeMentions(t, v); len(targets) == 0 {
			for _, src := range sources {
				targets = append(targets, k.home(src)...)
			}
		}
	}
	m := k.mood(t, v)
	if neg {
		m = refused // "will not accept": not accepting is refusing
	}
	code = inMood(code, m)
	if len(targets) == 0 && strings.HasPrefix(code, "13") {
		targets = conditioned(t, v)
	}
	if len(targets) == 0 && (len(sources) == 1 || !together(code) && !both) {
		// A weak event: it does not keep the verb's object from being
		// coded as a nominal event ("speaking after a meeting with").
		k.alone(t, v, sources, code, conf-0.2)
		return false
	}
	if both && m == done {
		// (Offering or refusing to negotiate is one side's doing.)
		k.addAll(t, v, targets, sources, code, conf)
	}
	return k.addAll(t, v, sources, targets, code, conf)
}

// alone adds the events of sources acting with no target named: each
// aimed at its implicit target, if any.
func (k *coding) alone(t *tree, at int, sources []mention, code string, conf float64) {
	for _, src := range sources {
		tgts, home := k.implicitTarget(t, at, src, code)
		// (conf is 0.2 under the act's: 0.6 for a specific pattern
		// and a subject the parse gave.)
		if len(tgts) == 0 && typed(code) && conf >= 0.6 {
			k.lone = append(k.lone, loneEvent{at, src, code, conf})
		}
		n := len(k.events)
		k.addAll(t, at, []mention{src}, tgts, code, conf)
		for i := n; i < len(k.events) && home; i++ {
			k.implicit[i] = true
		}
	}
}

// together reports whether an act done by a compound subject with no
// target is done by each with the other ("Israel and Azerbaijan agreed"):
// cooperation, not protests or attacks ("US and British activists
// staged a protest in Beijing").
func together(code string) bool {
	c, ok := lexicon.CAMEO(code)
	return ok && c.Quad <= 2
}

// mutual reports whether the nominal event code is done by both sides:
// talks, meetings and negotiations, not visits.
func mutual(code string) bool {
	return strings.HasPrefix(code, "04") && code != "042" && code != "043"
}

// governsEvent reports whether the verb at v only frames another that is
// coded: "plans" in "plans to visit", whose intent the visit carries.
// Agreeing is an act of its own unless what is agreed to carries it as an
// intent: "agreed to visit" is the intent to meet (036), "agreed to
// postpone the demonstration" an agreement (030) besides the postponing.
func (k *coding) governsEvent(t *tree, v int) bool {
	framing, _ := k.lex.VerbLemma(t.words[v])
	for _, x := range t.children(v, "xcomp") {
		if lemma, ok := k.lex.VerbLemma(t.words[x]); ok && !k.unreal(t, x) {
			code, reverse, _ := k.match(t, x, lemma)
			if framing == "agree" && code != "" && !strings.HasPrefix(inMood(code, intended), "03") {
				continue
			}
			if code != "" || reverse != "" {
				return true
			}
		}
	}
	return false
}

// nominal codes the noun at token n if it names an event: one of the
// nominal events of the lexicon, or ties made stronger (see cooperation).
func (k *coding) nominal(t *tree, n int) {
	nom, ok := k.nominalNoun(t, n)
	if !ok {
		if nom, ok = k.cooperation(t, n); !ok {
			return
		}
	}
	verb := -1 // the verb whose object or phrase the noun is: "held talks"
	h := t.head(n)
	if h >= 0 && measures[t.words[h]] && t.caseOf(n) == "of" {
		h = t.head(h) // "launched 10 days of war games"
	}
	if h >= 0 && t.Tokens[h].UPOS == "VERB" && !prepositional[t.words[h]] {
		verb = h
		if lemma, _ := k.lex.VerbLemma(t.words[verb]); negated(t, verb) || notNew[lemma] && t.rel(n) == "obj" {
			return
		}
	}
	var sources, targets []mention
	for _, c := range t.children(n, "nmod:poss") {
		sources = append(sources, t.actors(c)...)
	}
	// The noun's prepositional phrases, also those the parser hung lower
	// in its phrase ("the visit of Saar to Baku" with "to Baku" under
	// "Saar"), and those of its verb ("held talks with").
	var phrases []int
	for c := range t.Tokens {
		if c != n && t.rel(c) == "nmod" && t.under(c, n) {
			phrases = append(phrases, c)
		}
	}
	if verb >= 0 {
		for _, c := range t.children(verb, "obl") {
			if t.rel(n) == "nsubj" && passive(t, verb) && t.caseOf(c) == "by" {
				continue // "his trip was received by Tekin": Tekin made no trip
			}
			phrases = append(phrases, c)
		}
	}
	for _, c := range phrases {
		switch p := t.caseOf(c); {
		case slices.Contains(nom.Source, p):
			sources = append(sources, t.actors(c)...)
		case slices.Contains(nom.Target, p):
			targets = append(targets, t.actors(c)...)
		}
	}
	switch {
	case verb >= 0 && passive(t, verb) && t.rel(n) != "nsubj":
		// "a Kenyan was put under investigation by Uganda": the subject
		// undergoes the event, the agent does it.
		targets = append(targets, subjectActors(t, verb)...)
		by, _ := k.agents(t, verb, len(targets) > 0 && len(sources) == 0)
		sources = append(sources, by...)
	case len(sources) == 0 && verb >= 0:
		sources = subjectActors(t, verb)
	}
	code := nom.Code
	if verb >= 0 {
		code = inMood(code, k.mood(t, verb))
	}
	conf := 0.6
	if len(targets) == 0 && (len(sources) == 1 || !together(code)) {
		k.alone(t, n, sources, code, 0.4)
		return
	}
	if mutual(code) {
		k.addAll(t, n, targets, sources, code, conf)
	}
	k.addAll(t, n, sources, targets, code, conf)
}

// notNew are the verbs whose object names no event that happens: one
// already on ("deployed to oversee a ceasefire between Ethiopia and
// Eritrea" reports no ceasefire declared) or one put off or stopped
// ("agreed to postpone the demonstration", "police prevented the
// demonstration").
var notNew = map[string]bool{"oversee": true, "monitor": true, "supervise": true, "observe": true,
	"postpone": true, "delay": true, "defer": true, "cancel": true, "prevent": true, "thwart": true,
	"foil": true, "avert": true}

// prepositional are participles that serve as prepositions: the phrase
// "following the invasions of Dagestan" says when, and the noun the
// parser hangs it from ("the president of Armenia") did not invade.
var prepositional = map[string]bool{"following": true, "regarding": true, "concerning": true,
	"including": true, "excluding": true, "considering": true, "pending": true, "barring": true}

// measures are the nouns that measure out an event named after "of":
// "three days of talks", "a round of negotiations".
var measures = map[string]bool{"days": true, "weeks": true, "months": true, "hours": true,
	"round": true, "rounds": true, "series": true, "wave": true, "waves": true}

// nominalNoun looks up the noun at n with the modifiers right before it,
// longest first: a "hunger strike" is a protest, a "strike" an attack.
func (k *coding) nominalNoun(t *tree, n int) (lexicon.Nominal, bool) {
	from := n
	for from > 0 && t.head(from-1) == n { // whatever the tagger made of "hunger"
		from--
	}
	for ; from <= n; from++ {
		if nom, ok := k.lex.Nominal(strings.Join(t.words[from:n+1], " ")); ok {
			return nom, true
		}
	}
	return lexicon.Nominal{}, false
}

// agents returns who did what the passive verb at v says: the actors of
// its "by" phrases or of the force it says it was done in ("were killed in
// Israeli tank shelling"), else, if guess, the states named as places in
// its phrase ("Kenyan soldiers were killed in Somalia": no one named did
// it, so the state where it was done did).
func (k *coding) agents(t *tree, v int, guess bool) (out []mention, guessed bool) {
	for _, c := range t.children(v, "obl") {
		switch {
		case t.caseOf(c) == "by":
			out = append(out, t.actors(c)...)
		case k.force(t, c):
			out = append(out, t.actorsWhere(c, t.forcer)...)
		}
	}
	if len(out) > 0 || !guess {
		return out, false
	}
	return placeMentions(t, v), true
}

// placeMentions are the mentions of states named as places in the phrase
// of token v, one for each state.
func placeMentions(t *tree, v int) []mention {
	var out []mention
	for _, m := range t.mentions {
		if m.Role == dyad.RolePlace && t.under(m.from, v) && m.actor.Country != "" && !containsActor(out, m.actor.ID) && !t.closingReporter(m) {
			out = append(out, m)
		}
	}
	return out
}

// force reports whether the noun at n names an act of force: "shelling",
// "air strike".
func (k *coding) force(t *tree, n int) bool {
	nom, ok := k.nominalNoun(t, n)
	if !ok {
		return false
	}
	c, ok := lexicon.CAMEO(nom.Code)
	return ok && c.Quad == 4
}

// doers returns the actors of the subject of the verb at v, or, guessed,
// for a main verb the parser left with no subject at all, the nearest
// actor named before it.
func doers(t *tree, v int) (_ []mention, guessed bool) {
	if ms := subjectActors(t, v); len(ms) > 0 || subject(t, v) >= 0 || t.head(v) >= 0 && t.rel(v) != "parataxis" {
		return ms, false
	}
	return precedingActor(t, v), true
}

// precedingActor is the nearest actor named before the verb at v that
// is no place and no modifier of another word ("Chinese" in "a tariff on
// Chinese buses"): the subject of a clause the parser garbled.
func precedingActor(t *tree, v int) []mention {
	for i := len(t.mentions) - 1; i >= 0; i-- {
		m := t.mentions[i]
		if m.to <= v && m.Role != dyad.RolePlace && !modifier(t, m) {
			return []mention{m}
		}
	}
	return nil
}

// modifier reports whether mention m is an adjective or a prepositional
// phrase of a word outside it.
func modifier(t *tree, m mention) bool {
	for k := m.from; k < m.to && k < len(t.Tokens); k++ {
		if h := t.head(k); h >= m.from && h < m.to {
			continue // inside the mention
		}
		return t.rel(k) == "amod" || t.child(k, "case") >= 0
	}
	return false
}

// phraseActors are the actors named after the verb at v in its phrase
// but for its sources, with the places: the target when the parser hung
// it where objects does not look ("withdraw its troops from neighboring
// Lebanon").
func phraseActors(t *tree, v int, sources []mention) []mention {
	var out []mention
	for _, m := range t.mentions {
		if m.from > v && t.own(m.from, v) && m.Role != dyad.RolePlace && !containsActor(sources, m.actor.ID) && !t.otherSubject(m, v) {
			out = append(out, m)
		}
	}
	return out
}

// conditioned returns the actors of the subject of a condition on the
// verb at v or on what it intends: who is threatened ("threatened to stop
// the talks if the United States goes ahead", "unless the Kremlin closed
// its base").
func conditioned(t *tree, v int) []mention {
	var out []mention
	for xs := []int{v}; len(xs) > 0; xs = xs[1:] {
		x := xs[0]
		xs = append(xs, t.children(x, "xcomp")...)
		for _, c := range t.children(x, "advcl") {
			if m := t.mark(c); m == "if" || conditions[m] {
				if s := t.child(c, "nsubj"); s >= 0 {
					out = append(out, t.actors(s)...)
				}
			}
		}
	}
	return out
}

// otherSubject reports whether m is the subject of a verb other than v:
// "the Washington Post reported" names who reports, not a target of v.
// So does the noun phrase before a verb of saying that closes the
// sentence, whatever the parser made of it ("…, killing or wounding 50,
// Thai military sources said.", "…, a Jordanian official confirmed.").
func (t *tree) otherSubject(m mention, v int) bool {
	h := t.top(m)
	return t.rel(h) == "nsubj" && t.head(h) != v || t.closingReporter(m)
}

// closingReporter reports whether m is in the noun phrase before a verb of
// saying that closes the sentence (see otherSubject).
func (t *tree) closingReporter(m mention) bool {
	n := m.to
	for n < len(t.Tokens) && (t.Tokens[n].UPOS == "NOUN" || t.Tokens[n].UPOS == "PROPN") {
		n++ // the rest of the noun phrase: "Thai military sources"
	}
	if n >= len(t.Tokens) || !saying[t.words[n]] {
		return false
	}
	for _, tok := range t.Tokens[n+1:] {
		if tok.UPOS == "VERB" || tok.UPOS == "AUX" {
			return false // "said he would …": a clause follows, the sentence goes on
		}
	}
	return true
}

// saying are the forms of the verbs that report a clause after it: "…,
// officials said".
var saying = map[string]bool{"said": true, "says": true, "confirmed": true, "reported": true,
	"told": true, "announced": true, "added": true, "stated": true}

// implicitTarget is the target of an event that names none: a state
// named as a place in the verb's phrase ("lifted a curfew in Montenegro",
// "demonstrated in Kirkuk"), else, for a group of society (rebels,
// protesters, police), its own state, as event data codes what such groups
// do at home ("Ivory Coast rebels blocked transport"). A state or its
// government acting at no named place or target gets none, nor do mere
// statements (CAMEO 01) and codes with no PLOVER type. home reports that
// the target is the source's own state.
func (k *coding) implicitTarget(t *tree, v int, src mention, code string) (_ []mention, home bool) {
	if !typed(code) {
		return nil, false
	}
	if ps := placeMentions(t, v); len(ps) > 0 {
		return ps[:1], false
	}
	if !societal(src.actor) {
		return nil, false
	}
	return k.home(src), true
}

// typed reports whether code is an act PLOVER types, not a mere statement
// (01x), which needs no one to be aimed at.
func typed(code string) bool {
	pl, ok := lexicon.PLOVER(code)
	return ok && pl.Type != "" && !strings.HasPrefix(code, "01")
}

// home is the state of the actor src names, standing at src's place in
// the sentence, or nil if it has none.
func (k *coding) home(src mention) []mention {
	c, ok := k.lex.Country(src.actor.Country)
	if !ok {
		return nil
	}
	home := src
	home.actor = dyad.Actor{ID: c.Code, Name: c.Name, Code: c.Code, Country: c.Code, Kind: dyad.KindCountry}
	return []mention{home}
}

// domestic reports whether an act coded as code is done by a state to its
// own people when the sentence names no target: curfews, martial law,
// states of emergency and bans on political activity, imposed or eased
// (CAMEO 172x and 081x).
func domestic(code string) bool {
	return len(code) == 4 && (strings.HasPrefix(code, "172") || strings.HasPrefix(code, "081") && code <= "0814")
}

// societal reports whether a is a group within a state other than its
// government or army.
func societal(a dyad.Actor) bool {
	return a.Kind == dyad.KindGroup && a.Sector != "GOV" && a.Sector != "MIL"
}

// addAll adds an event for each source and target. Without a target, the
// conjuncts of a compound source are each other's targets.
func (k *coding) addAll(t *tree, at int, sources, targets []mention, code string, conf float64) bool {
	sources, targets = specific(sources), specific(targets)
	if len(targets) == 0 && len(sources) > 1 {
		targets = sources
	}
	added := false
	for _, s := range sources {
		for _, g := range targets {
			if s.actor.ID != g.actor.ID && codeOf(s.actor) != codeOf(g.actor) {
				k.add(t, at, s, g, code, conf)
				added = true
			}
		}
	}
	return added
}

// add records one event, or counts one more mention of it.
func (k *coding) add(t *tree, at int, src, tgt mention, code string, conf float64) {
	c, ok := lexicon.CAMEO(code)
	if !ok {
		return
	}
	pl, _ := lexicon.PLOVER(code)
	lemma := ""
	if t.Tokens[at].UPOS == "VERB" {
		lemma, _ = k.lex.VerbLemma(t.words[at])
	}
	if p, ok := k.lex.ActPLOVER(lemma, code); ok {
		pl = p
	}
	ev := dyad.Event{
		Date:       k.date(t, at),
		Source:     eventActor(src.actor),
		Target:     eventActor(tgt.actor),
		CAMEO:      c.Code,
		Root:       c.Code[:2],
		Quad:       c.Quad,
		Goldstein:  c.Goldstein,
		PLOVER:     pl,
		Location:   k.location(t),
		Span:       t.Span,
		Evidence:   k.an.Article.Text[t.Start:t.End],
		Confidence: conf,
		Coder:      Version,
		Dict:       k.lex.Hash(),
		Mentions:   1,
	}
	if i, ok := k.index[ev.Key()]; ok {
		k.events[i].Mentions++
		k.events[i].Confidence = max(k.events[i].Confidence, conf)
		return
	}
	k.index[ev.Key()] = len(k.events)
	k.events = append(k.events, ev)
}

// specific drops a state from ms when ms also holds someone of that
// state: a bad parse may put "Azerbaijan" beside "Aliyev" in one phrase,
// and the event is Aliyev's.
func specific(ms []mention) []mention {
	return slices.DeleteFunc(slices.Clone(ms), func(m mention) bool {
		return m.actor.Kind == dyad.KindCountry && slices.ContainsFunc(ms, func(o mention) bool {
			return o.actor.Kind != dyad.KindCountry && o.actor.Country == m.actor.Country
		})
	})
}

func eventActor(a dyad.Actor) dyad.EventActor {
	return dyad.EventActor{Name: a.Name, Code: codeOf(a), Country: a.Country, Sector: a.Sector, Actor: a.ID}
}

// codeOf is an actor's CAMEO code; a person without one is known by name.
func codeOf(a dyad.Actor) string { return cmp.Or(a.Code, a.ID) }

// date dates an event at token at of t: a date in its phrase, else one in
// the sentence, else the lead's, else the publication date.
func (k *coding) date(t *tree, at int) string {
	var inSentence string
	for _, d := range k.an.Dates {
		if d.Start < t.Start || d.End > t.End || len(d.Value) < len("2006-01-02") {
			continue
		}
		i := slices.IndexFunc(t.Tokens, func(tok dyad.Token) bool { return tok.Start >= d.Start })
		if i >= 0 && t.under(i, at) {
			return d.Value
		}
		if inSentence == "" {
			inSentence = d.Value
		}
	}
	if inSentence != "" {
		return inSentence
	}
	if k.lead != "" {
		return k.lead
	}
	if p := k.an.Article.Published; !p.IsZero() {
		return p.Format("2006-01-02")
	}
	return ""
}

// leadDate is the first full date of the article's first two sentences.
func (k *coding) leadDate() string {
	if len(k.an.Sentences) == 0 {
		return ""
	}
	end := k.an.Sentences[min(1, len(k.an.Sentences)-1)].End
	for _, d := range k.an.Dates {
		if d.End <= end && len(d.Value) >= len("2006-01-02") {
			return d.Value
		}
	}
	return ""
}

// location is the first place t names, else the dateline's.
func (k *coding) location(t *tree) string {
	for _, m := range t.mentions {
		if m.Role == dyad.RolePlace {
			return m.Text
		}
	}
	return k.dateline
}

// dateline returns the place of a dateline ("BAKU –"): a mention at the
// start of the first sentence, in capitals, followed by a dash.
func dateline(t *tree) string {
	if len(t.mentions) == 0 || t.mentions[0].from != 0 {
		return ""
	}
	m := t.mentions[0]
	if m.to >= len(t.words) || strings.ToUpper(m.Text) != m.Text {
		return ""
	}
	switch t.words[m.to] {
	case "–", "—", "-":
		return m.Text
	}
	return ""
}
