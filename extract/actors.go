package extract

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"dyad"
	"dyad/lexicon"
	"dyad/text"
)

// person is someone the article introduces with a role and a name.
type person struct {
	actor dyad.Actor
	full  string // text.Key of the full name
	last  string // text.Key of the surname
	head  bool   // holds a head-of-state or head-of-government role
	igo   string // the IGO whose official the person is, if any
	count int    // mentions so far, for salience
	seen  int    // sentence of the latest mention
}

// intro is where a person is introduced: "Israeli Foreign Minister Gideon
// Sa'ar". Token ranges are [from, to) within sentence sent.
type intro struct {
	sent               int
	desigFrom, desigTo int // the country designator, if any: "Israeli", "Azerbaijan's"
	roleFrom, nameFrom int
	nameTo             int
	country            lexicon.Entry // Kind 0 when the text gives none
	role               lexicon.Entry
	person             *person
}

// start is the first token of the introduction.
func (in intro) start() int {
	if in.desigFrom >= 0 {
		return in.desigFrom
	}
	return min(in.roleFrom, in.nameFrom)
}

type mention struct {
	sent, from, to int
	dyad.Mention
}

// resolver finds mentions of actors and resolves them: names, short forms,
// pronouns, descriptions ("the Israeli minister") and capitals used as
// governments.
type resolver struct {
	lex       *lexicon.Lexicon
	published time.Time // dates the codes of known actors
	people    *People   // known from earlier articles; may be nil
	d         *doc
	actors    map[string]*dyad.Actor
	order     []string
	persons   []*person
	intros    []intro
	mentions  []mention
	counts    map[string]int // mentions per country code: the article's dyad
	mostNamed *string        // see mostNamedCountry
}

// nameParticles may stand inside a personal name in lower case.
var nameParticles = set("al", "bin", "ibn", "de", "van", "von", "der", "da", "di", "la", "le", "el", "du", "dos")

// notNames are capitalized words that never start a personal name.
var notNames = set("The", "A", "An", "And", "In", "On", "At", "Of", "For", "With", "But",
	"He", "She", "It", "They", "We", "I", "This", "That", "These", "Those", "His", "Her",
	"Their", "Our", "Its", "After", "Before", "During", "While", "As", "By", "From", "To",
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
	"January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.",
	"Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.")

func newResolver(lex *lexicon.Lexicon, people *People, d *doc, published time.Time) *resolver {
	return &resolver{lex: lex, people: people, d: d, published: published,
		actors: map[string]*dyad.Actor{}, counts: map[string]int{}}
}

// resolve runs the passes in order: introductions first, so that a short
// form before the full name still resolves; then the people the entity
// recognizer finds; then the countries of people introduced without one;
// then parse, which parses each sentence with its introductions as
// chunks; then every mention, where the parse tells who acts.
func (r *resolver) resolve(parse func(s *sentence, intros [][2]int)) {
	for si := range r.d.sents {
		r.findIntros(si)
	}
	for si := range r.d.sents {
		r.findNamed(si)
	}
	r.inferCountries()
	for si := range r.d.sents {
		var spans [][2]int
		for _, in := range r.introsIn(si) {
			spans = append(spans, [2]int{in.start(), in.nameTo})
		}
		parse(&r.d.sents[si], spans)
	}
	for si := range r.d.sents {
		r.findMentions(si)
	}
	slices.SortFunc(r.mentions, func(a, b mention) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
}

// findIntros finds "[designator] Role Name" in sentence si.
func (r *resolver) findIntros(si int) {
	s := &r.d.sents[si]
	prevEnd, prevCountry := -1, lexicon.Entry{}
	for i := 0; i < len(s.words); {
		in, ok := r.parseIntro(si, i)
		if !ok {
			i++
			continue
		}
		// "Azerbaijani Foreign Minister Jeyhun Bayramov and Economy Minister
		// Mikayil Jabbarov": the second shares the first one's country.
		if in.country.Kind == 0 && prevEnd >= 0 && coordinated(s, prevEnd, in.roleFrom) {
			in.country = prevCountry
		}
		in.person = r.person(s, in)
		r.intros = append(r.intros, in)
		prevEnd, prevCountry = in.nameTo, in.country
		i = in.nameTo
	}
}

// findNamed adds the people of sentence si that no introduction gave a
// role: those the entity recognizer finds ("Marta Lindholm said") and
// those known from earlier articles ("Sa'ar arrived"). Their mentions, and
// later ones of their surname, then resolve as short forms.
func (r *resolver) findNamed(si int) {
	s := &r.d.sents[si]
	for _, e := range s.ents {
		if e.Type == dyad.PER && r.nameWords(s, e.Start, e.End) {
			r.named(si, e.Start, e.End)
		}
	}
	for i := 0; i < len(s.words); i++ {
		if !r.nameWord(s, i) || i > 0 && r.nameWord(s, i-1) {
			continue
		}
		_, to := r.nameAt(s, i)
		if _, ok := r.people.lookup(text.Key(strings.Join(s.words[i:to], " "))); ok {
			r.named(si, i, to)
		}
		i = max(i, to-1)
	}
}

// nameWords reports whether tokens [from, to) of s can all be part of a
// personal name.
func (r *resolver) nameWords(s *sentence, from, to int) bool {
	for k := from; k < to; k++ {
		if !r.nameWord(s, k) {
			return false
		}
	}
	return true
}

// named adds the person tokens [from, to) of sentence si name, with what
// earlier articles said of them when the article says nothing.
func (r *resolver) named(si, from, to int) {
	p := r.person(&r.d.sents[si], intro{sent: si, desigFrom: -1, desigTo: -1, nameFrom: from, nameTo: to})
	if p.actor.Role != "" || p.actor.Country != "" {
		return
	}
	if known, ok := r.people.lookup(p.full); ok {
		p.actor = known
		p.full = text.Key(known.Name)
		p.last = p.full[strings.LastIndexByte(p.full, ' ')+1:]
	}
}

// coordinated reports whether only "and" or commas stand between tokens
// from and to.
func coordinated(s *sentence, from, to int) bool {
	for k := from; k < to; k++ {
		if w := s.lower(k); w != "and" && w != "," {
			return false
		}
	}
	return true
}

func (r *resolver) parseIntro(si, i int) (intro, bool) {
	s := &r.d.sents[si]
	in := intro{sent: si, desigFrom: -1, desigTo: -1}
	j := i
	if e, n := r.lex.Match(s.words[j:]); n > 0 && (e.Kind == lexicon.Demonym || e.Kind == lexicon.Country || e.Kind == lexicon.IGO) {
		in.desigFrom, in.desigTo, in.country = j, j+n, e
		j += n
		if s.lower(j) == "'s" {
			j++
		}
	}
	// A portfolio may stand between designator and title: "EU Trade
	// Commissioner".
	portfolio := j
	e, n := r.lex.Match(s.words[j:])
	for in.desigFrom >= 0 && n == 0 && j < portfolio+2 && j < len(s.words) && r.nameWord(s, j) {
		j++
		e, n = r.lex.Match(s.words[j:])
	}
	if n > 0 && e.Kind == lexicon.Agent && in.desigFrom >= 0 && j == portfolio {
		// "British militant Haroon Rashid Aswad": a sector word as a
		// title, when a full name follows.
		if from, to := r.nameAt(s, j+n); to-from >= 2 {
			e.Name = strings.ToLower(strings.Join(s.words[j:j+n], " "))
			in.roleFrom, in.role = j, e
			in.nameFrom, in.nameTo = from, to
			return in, true
		}
	}
	if n == 0 || e.Kind != lexicon.Role {
		return r.parseAppositive(si, i)
	}
	if j > portfolio {
		e.Name = strings.ToLower(strings.Join(s.words[portfolio:j], " ")) + " " + e.Name
	}
	in.roleFrom, in.role = portfolio, e
	j += n
	if in.nameFrom, in.nameTo = r.nameAt(s, j); in.nameTo > in.nameFrom {
		return in, true
	}
	// "special envoy for the Sahel, Grace Nyirenda,": the name follows a
	// comma within a few words, and a comma or the sentence's end closes
	// it. A name that goes on into a verb begins a clause of its own:
	// "with the Israeli minister, Jeyhun Bayramov reaffirmed".
	for k := j; k < len(s.words) && k < j+6; k++ {
		if s.words[k] != "," {
			continue
		}
		in.nameFrom, in.nameTo = r.nameAt(s, k+1)
		if in.nameTo-in.nameFrom >= 2 && (in.nameTo == len(s.words) || closesApposition[s.words[in.nameTo]]) {
			return in, true
		}
		break
	}
	return r.parseAppositive(si, i)
}

// closesApposition are the tokens that end an apposition.
var closesApposition = set(",", ".", ";", ")", ":", "—", "–")

// nameAt returns the personal name starting at token j: up to four name
// words, without a trailing particle. It is empty when there is none.
func (r *resolver) nameAt(s *sentence, j int) (from, to int) {
	to = j
	for to < len(s.words) && to-j < 4 && r.nameWord(s, to) {
		to++
	}
	for to > j && nameParticles[s.lower(to-1)] {
		to--
	}
	return j, to
}

// personNouns describe people in an apposition when no role fits:
// "Marta Lindholm, an economist at a Frankfurt bank".
var personNouns = set("economist", "analyst", "expert", "professor", "researcher", "lawyer",
	"activist", "resident", "farmer", "trader", "director", "head", "member", "chief",
	"adviser", "advisor", "scholar", "historian", "negotiator", "student", "teacher",
	"doctor", "strategist", "consultant", "fellow", "witness", "survivor", "founder",
	"owner", "manager", "engineer", "commentator", "author", "writer", "veteran")

// parseAppositive finds "Name, [a|an|the] [designator] role …" at token
// i: "Marta Lindholm, an economist at a Frankfurt bank", "Jeyhun Bayramov,
// Azerbaijan's foreign minister". The name needs two words at least, so
// that places ("Doropo, a town") are not taken for people.
func (r *resolver) parseAppositive(si, i int) (intro, bool) {
	s := &r.d.sents[si]
	if i > 0 && r.nameWord(s, i-1) {
		return intro{}, false // inside a longer name
	}
	_, j := r.nameAt(s, i)
	if j-i < 2 || j >= len(s.words) || s.words[j] != "," {
		return intro{}, false
	}
	in := intro{sent: si, desigFrom: -1, desigTo: -1, nameFrom: i, nameTo: j, roleFrom: j}
	k := j + 1
	if w := s.lower(k); w == "a" || w == "an" || w == "the" {
		k++
	}
	for ; k < len(s.words) && k <= j+7; k++ {
		e, n := r.lex.Match(s.words[k:])
		switch {
		case n > 0 && (e.Kind == lexicon.Demonym || e.Kind == lexicon.Country || e.Kind == lexicon.IGO) && in.country.Kind == 0:
			in.country = e
			k += n - 1
		case n > 0 && e.Kind == lexicon.Role:
			in.role = e
			return in, true
		case personNouns[s.lower(k)]:
			in.role = lexicon.Entry{Kind: lexicon.Role, Name: s.lower(k)}
			return in, true
		case s.words[k] == "," || s.words[k] == ".":
			return intro{}, false
		}
	}
	return intro{}, false
}

// nameWord reports whether token j of s can be part of a personal name.
func (r *resolver) nameWord(s *sentence, j int) bool {
	w := s.words[j]
	if nameParticles[strings.ToLower(w)] {
		return j+1 < len(s.words) && isCapitalized(s.words[j+1])
	}
	if !isCapitalized(w) || !isWord(w) || notNames[w] {
		return false
	}
	if e, n := r.lex.Match(s.words[j:]); n > 0 && e.Kind != lexicon.Agent {
		return false // "President Aliyev and Azerbaijan", "Minister Sa'ar of Israel"
	}
	return true
}

// person returns the person an intro names, creating or completing it.
func (r *resolver) person(s *sentence, in intro) *person {
	name := strings.ReplaceAll(r.d.text[s.toks[in.nameFrom].Start:s.toks[in.nameTo-1].End], "’", "'")
	full := text.Key(name)
	last := text.Key(s.words[in.nameTo-1])
	p := r.findPerson(full, last, in.nameTo-in.nameFrom == 1)
	if p == nil {
		p = &person{full: full, last: last}
		r.persons = append(r.persons, p)
	}
	if p.actor.Name == "" || len(name) > len(p.actor.Name) {
		p.actor.Name, p.full = name, full
	}
	if p.actor.Role == "" {
		p.actor.Role, p.actor.Sector = in.role.Name, in.role.Sector
		p.head = in.role.Head
	}
	switch {
	case p.actor.Country != "" || p.igo != "":
	case in.country.Kind == lexicon.IGO:
		p.igo = in.country.Code // "EU Trade Commissioner …" speaks for the EU
	case in.country.Kind != 0:
		p.actor.Country = in.country.Country
	}
	return p
}

// findPerson finds a known person by full name or, for a one-word name, by
// surname.
func (r *resolver) findPerson(full, last string, single bool) *person {
	for _, p := range r.persons {
		if p.full == full || single && p.last == full || p.full == last && !single {
			return p
		}
	}
	return nil
}

// inferCountries gives state officials introduced without a country
// ("President Ilham Aliyev") one: the state named right after the name
// ("King Hassan of Morocco"), else the one the dictionaries give the name,
// else a country named in the same sentence that no other introduction
// claims, else the dateline's, else the article's most named.
func (r *resolver) inferCountries() {
	for _, in := range r.intros {
		p := in.person
		if p.actor.Country != "" || p.igo != "" || p.actor.Sector == "" {
			continue // an economist's country is not the article's
		}
		s := &r.d.sents[in.sent]
		if e, n := r.lex.Match(s.words[min(in.nameTo+1, len(s.words)):]); n > 0 && e.Kind == lexicon.Country && s.lower(in.nameTo) == "of" {
			p.actor.Country = e.Country // "King Hassan of Morocco"
			continue
		}
		if c := r.knownCountry(s.words[in.nameFrom:in.nameTo]); c != "" {
			p.actor.Country = c
			continue
		}
		for i := 0; i < len(s.words) && p.actor.Country == ""; i++ {
			e, n := r.lex.Match(s.words[i:])
			if n > 0 && isPlace(e.Kind) && !r.claimed(in.sent, i) && !s.currency(i+n) {
				p.actor.Country = e.Country
			}
			i += max(n-1, 0)
		}
		if p.actor.Country == "" {
			p.actor.Country = r.datelineCountry()
		}
		if p.actor.Country == "" {
			p.actor.Country = r.mostNamedCountry()
		}
	}
	for _, p := range r.persons {
		switch {
		case p.igo != "":
			p.actor.Code = p.igo
		case p.actor.Country != "":
			p.actor.Code = p.actor.Country + p.actor.Sector
		}
		p.actor.Kind = dyad.KindPerson
		p.actor.ID = strings.ReplaceAll(p.full, " ", "-")
	}
}

// knownCountry returns the state of the known actor (lexicon.Known) that
// words name, by the code they held on the publication date: "Joao
// Lourenco" is Angola's. It is "" when none is known.
func (r *resolver) knownCountry(words []string) string {
	e, n := r.lex.MatchKnown(words)
	if n != len(words) {
		return ""
	}
	return r.knownState(e)
}

// knownState returns the state of known actor e by the code it held on
// the publication date (see knownCode), or "".
func (r *resolver) knownState(e lexicon.Entry) string {
	if c, ok := r.lex.Country(countryOf(knownCode(e, r.published))); ok {
		return c.Code
	}
	return ""
}

// knownCode is the code a known actor held on date t; failing that (a
// person the dictionaries know in other years), the latest it held, since
// a person's country outlasts their office.
func knownCode(e lexicon.Entry, t time.Time) string {
	if code := e.CodeOn(t); code != "" {
		return code
	}
	for _, d := range slices.Backward(e.Dated()) {
		if d.Code != "" {
			return d.Code
		}
	}
	return ""
}

// countryOf is the state part of a CAMEO actor code: "USA" of "USAGOV".
func countryOf(code string) string { return code[:min(3, len(code))] }

// isPlace reports whether a lexicon kind names a state.
func isPlace(k lexicon.Kind) bool {
	return k == lexicon.Country || k == lexicon.Demonym || k == lexicon.Capital
}

// currency reports whether token i is a currency sign, which makes the
// state named before it no mention of the state: "US $50 million".
func (s *sentence) currency(i int) bool {
	return i < len(s.words) && s.words[i] == "$"
}

// claimed reports whether token i of sentence si is a designator of an
// introduction.
func (r *resolver) claimed(si, i int) bool {
	for _, in := range r.intros {
		if in.sent == si && i >= in.desigFrom && i < in.desigTo {
			return true
		}
	}
	return false
}

// datelineCountry is the state of the dateline that opens the article
// ("ANKARA –"): where the story is told from, and so usually the host.
func (r *resolver) datelineCountry() string {
	if len(r.d.sents) == 0 {
		return ""
	}
	s := &r.d.sents[0]
	e, n := r.lex.Match(s.words)
	if n == 0 || !isPlace(e.Kind) || strings.ToUpper(s.words[0]) != s.words[0] {
		return ""
	}
	switch s.lower(n) {
	case "–", "—", "-", ",", "(":
		return e.Country
	}
	return ""
}

// mostNamedCountry is the state the article names most often (the
// dateline counts). It is computed once.
func (r *resolver) mostNamedCountry() string {
	if r.mostNamed == nil {
		r.mostNamed = new(r.countMostNamed())
	}
	return *r.mostNamed
}

func (r *resolver) countMostNamed() string {
	counts := map[string]int{}
	best := ""
	for si := range r.d.sents {
		s := &r.d.sents[si]
		for i := 0; i < len(s.words); i++ {
			e, n := r.lex.Match(s.words[i:])
			if n > 0 && isPlace(e.Kind) {
				counts[e.Country]++
				if c := counts[e.Country]; c > counts[best] || c == counts[best] && e.Country < best {
					best = e.Country
				}
				i += n - 1
			}
		}
	}
	return best
}

// findMentions finds every mention in sentence si.
func (r *resolver) findMentions(si int) {
	s := &r.d.sents[si]
	ins := r.introsIn(si)
	for i := 0; i < len(s.words); {
		for len(ins) > 0 && ins[0].start() < i {
			ins = ins[1:] // overlapped by an earlier mention
		}
		if len(ins) > 0 && ins[0].start() == i {
			in := ins[0]
			ins = ins[1:]
			if in.desigFrom >= 0 {
				r.addCountry(si, in.desigFrom, in.desigTo, in.country, "")
			}
			r.addPerson(si, in.nameFrom, in.nameTo, in.person)
			i = in.nameTo
			continue
		}
		if n := r.description(si, i); n > 0 {
			i += n
			continue
		}
		if n := r.name(si, i); n > 0 {
			i += n
			continue
		}
		if n := r.shortForm(si, i); n > 0 {
			i += n
			continue
		}
		r.pronoun(si, i)
		i++
	}
}

func (r *resolver) introsIn(si int) []intro {
	var ins []intro
	for _, in := range r.intros {
		if in.sent == si {
			ins = append(ins, in)
		}
	}
	return ins
}

// description resolves "the Israeli minister", "the Azerbaijani leader",
// "Azerbaijani officials", "Israel's government" at token i.
func (r *resolver) description(si, i int) int {
	s := &r.d.sents[si]
	j := i
	the := s.lower(j) == "the"
	if the {
		j++
	}
	var country lexicon.Entry
	if e, n := r.lex.Match(s.words[j:]); n > 0 && (e.Kind == lexicon.Demonym || e.Kind == lexicon.Country) {
		country = e
		if e.Kind == lexicon.Demonym && s.lower(j-1) == "ethnic" {
			// "ethnic Albanian guerrillas operating in Macedonia" are of
			// the state they live in, as "ethnic Albanians" are.
			country.Country = r.hostState(si, e.Country)
		}
		j += n
		if s.lower(j) == "'s" {
			j++
		}
		j += r.modifiersBefore(s, j) // "Turkish Kurd refugees": the state's refugees
	}
	e, n := r.lex.Match(s.words[j:])
	head := ""
	switch {
	case n > 0 && (e.Kind == lexicon.Role || e.Kind == lexicon.Agent):
		head = e.Name
	case s.lower(j) == "leader" && country.Kind != 0:
		head, e, n = "leader", lexicon.Entry{Kind: lexicon.Role, Name: "leader", Sector: "GOV"}, 1
	default:
		return 0
	}
	end := j + n
	if end < len(s.words) && r.nameWord(s, end) {
		return 0 // an introduction's name follows: not a description
	}
	if r.describesPerson(si, i) {
		return end - i // "Marta Lindholm, an economist at a bank": no one else
	}
	if e.Kind == lexicon.Role && the {
		if p := r.describedPerson(si, country.Country, head); p != nil {
			r.addPerson(si, i, end, p)
			return end - i
		}
	}
	if country.Kind == 0 {
		// "police opened fire on demonstrators": a group with no state of
		// its own named is of the one state its sentence names, if only
		// one; "officials said" in a sentence naming two is unknown.
		c := r.onlyState(si)
		if c == "" || e.Kind != lexicon.Agent {
			return 0
		}
		r.addGroup(si, i, end, c, e.Sector)
		return end - i
	}
	r.addGroup(si, i, end, country.Country, e.Sector)
	return end - i
}

// describesPerson reports whether the phrase at token i of sentence si is
// in apposition to the person named right before it: "said Marta
// Lindholm, an economist at a Frankfurt bank".
func (r *resolver) describesPerson(si, i int) bool {
	s := &r.d.sents[si]
	if k := s.lower(i - 1); k == "a" || k == "an" {
		i--
	}
	if i < 2 || s.words[i-1] != "," {
		return false
	}
	for _, m := range slices.Backward(r.mentions) {
		if m.sent == si && m.to == i-1 {
			return m.Type == dyad.PER
		}
	}
	return false
}

// modifiersBefore returns how many words from token j, one or two the
// lexicon does not know, stand between a demonym and a sector word they
// modify: a people or group of the state ("Kurd" in "Turkish Kurd
// refugees") or a trade ("paper" in "French paper workers"); 0 if none
// do.
func (r *resolver) modifiersBefore(s *sentence, j int) int {
	for k := j; k < j+2 && k+1 < len(s.words); k++ {
		if _, n := r.lex.Match(s.words[k:]); n > 0 {
			return 0
		}
		if !isCapitalized(s.words[k]) && s.xpos[k] != "NN" && s.xpos[k] != "JJ" {
			return 0
		}
		if e, n := r.lex.Match(s.words[k+1:]); n > 0 && e.Kind == lexicon.Agent {
			return k + 1 - j
		}
	}
	return 0
}

// onlyState returns the state sentence si names, by name, demonym,
// capital or a known actor of it, if it names exactly one.
func (r *resolver) onlyState(si int) string {
	s := &r.d.sents[si]
	only := ""
	for i := 0; i < len(s.words); i++ {
		e, n := r.lex.Match(s.words[i:])
		country := ""
		switch {
		case n > 0 && isPlace(e.Kind):
			country = e.Country
		case n == 0:
			// a known person or group stands for its state too:
			// "Congress is asking Obama to help Iran" names two
			if e, n = r.lex.MatchKnown(s.words[i:]); n > 0 {
				country = r.knownState(e)
			}
		}
		if country != "" {
			if only != "" && only != country {
				return ""
			}
			only = country
		}
		i += max(n-1, 0)
	}
	return only
}

// describedPerson finds who "the [country] role" refers to: the most salient
// person so far of that country whose role ends in the same word ("the
// minister" for a foreign minister) or, for "leader", who leads.
func (r *resolver) describedPerson(si int, country, role string) *person {
	word := role[strings.LastIndexByte(role, ' ')+1:]
	var best *person
	for _, p := range r.persons {
		if p.count == 0 || country != "" && p.actor.Country != country {
			continue
		}
		fits := strings.HasSuffix(p.actor.Role, word) || role == "leader" && p.head
		if fits && (best == nil || p.count > best.count || p.count == best.count && p.seen > best.seen) {
			best = p
		}
	}
	return best
}

// name adds a mention for a gazetteer name at token i: a state, a capital,
// an IGO or a demonym.
func (r *resolver) name(si, i int) int {
	s := &r.d.sents[si]
	e, n := r.lex.Match(s.words[i:])
	if ek, nk := r.lex.MatchKnown(s.words[i:]); nk > n {
		// the longer name: "Palestine Liberation Organization" is no
		// mention of Palestine
		if m := r.known(si, i, ek, nk); m > 0 || n == 0 {
			return m
		}
	}
	if n == 0 {
		return 0
	}
	if e.Kind == lexicon.Country && s.currency(i+n) {
		return n
	}
	before := i - 1
	for before >= 0 && (s.lower(before) == "the" || regions[s.lower(before)]) {
		before-- // "from the Czech Republic", "in southern Somalia"
	}
	afterPlaceWord := before >= 0 && locative[s.lower(before)]
	switch e.Kind {
	case lexicon.Country:
		role := ""
		if afterPlaceWord {
			role = dyad.RolePlace
		} else if s.acts(i, i+n) {
			role = dyad.RoleAgent
		}
		r.addCountry(si, i, i+n, e, role)
	case lexicon.Demonym:
		if peopleWord(s.words[i+n-1], s.xpos[i+n-1]) {
			// "Algerians", "Nigerians": its people; "ethnic Albanians"
			// are those of the state they live in.
			country := e.Country
			if s.lower(i-1) == "ethnic" {
				country = r.hostState(si, country)
			} else if c := r.livingIn(s, i+n); c != "" {
				country = c // "the Albanians of southern Serbia"
			}
			r.addGroup(si, i, i+n, country, "CVL")
			break
		}
		if j := i + n; j < len(s.words) && peopleWord(s.words[j], s.xpos[j]) && isCapitalized(s.words[j]) {
			// "Iraqi Kurds", "Bosnian Serbs": a people of the state.
			r.addGroup(si, i, j+1, e.Country, "CVL")
			return n + 1
		}
		r.addCountry(si, i, i+n, e, "")
	case lexicon.Capital:
		// A capital is its government when it acts ("Tel Aviv is seeking")
		// and a place otherwise ("in Baku").
		if !afterPlaceWord && s.acts(i, i+n) {
			r.addGroup(si, i, i+n, e.Country, "GOV")
			r.mentions[len(r.mentions)-1].Type = dyad.LOC
			r.mentions[len(r.mentions)-1].Role = dyad.RoleAgent
		} else {
			r.addCountry(si, i, i+n, e, dyad.RolePlace)
		}
	case lexicon.IGO:
		// "UN troops", "EU officials" act for the organization: the
		// mention takes in the sector word, which would otherwise be
		// given to a state.
		if g, m := r.lex.Match(s.words[i+n:]); m > 0 && g.Kind == lexicon.Agent {
			n += m
		}
		a := r.actor(dyad.Actor{ID: e.Code, Name: e.Name, Code: e.Code, Kind: dyad.KindIGO})
		r.add(si, i, i+n, dyad.ORG, a, "")
	case lexicon.Region:
		// "Latin American", "West Africa": not a state, and not "American".
	default:
		return 0
	}
	return n
}

// livingIn returns the state named in a phrase "of" at token j ("of
// southern Serbia"), or "". ("Americans in Germany" are still Americans.)
func (r *resolver) livingIn(s *sentence, j int) string {
	if s.lower(j) != "of" {
		return ""
	}
	for k := j + 1; k < min(j+4, len(s.words)); k++ {
		if e, n := r.lex.Match(s.words[k:]); n > 0 {
			if e.Kind == lexicon.Country {
				return e.Country
			}
			return ""
		}
	}
	return ""
}

// hostState returns the first state other than not that sentence si
// names (or whose capital it names), else not: where an ethnic group "in
// southeastern Serbia" lives.
func (r *resolver) hostState(si int, not string) string {
	s := &r.d.sents[si]
	for i := range s.words {
		if e, n := r.lex.Match(s.words[i:]); n > 0 && (e.Kind == lexicon.Country || e.Kind == lexicon.Capital) && e.Country != not {
			return e.Country
		}
	}
	return not
}

// peopleWord reports whether a word tagged xpos names people in the
// plural: "Algerians", or "Kurds", which the tagger may take for a
// singular proper noun ("Swiss" is not a plural).
func peopleWord(w, xpos string) bool {
	switch xpos {
	case "NNS", "NNPS":
		return true
	case "NNP":
		return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "'s")
	}
	return false
}

// known adds a mention of a known actor (lexicon.Known, the Phoenix
// dictionaries) at token i, coded as on the publication date: a person
// ("President Obama", with dated codes), an organization ("Hamas") or a
// place that stands for its state ("Helmand").
func (r *resolver) known(si, i int, e lexicon.Entry, n int) int {
	s := &r.d.sents[si]
	code := knownCode(e, r.published)
	if n == 0 || code == "" {
		return 0
	}
	country := ""
	if c, ok := r.lex.Country(countryOf(code)); ok {
		country = c.Code
	}
	switch {
	case len(code) == 3 && country != "":
		c, _ := r.lex.Country(country)
		r.addCountry(si, i, i+n, c, dyad.RolePlace)
	case e.Dated() != nil:
		p := r.person(s, intro{sent: si, desigFrom: -1, desigTo: -1, nameFrom: i, nameTo: i + n})
		if p.actor.Role == "" && p.actor.Country == "" {
			name := titleCase(e.Name)
			p.actor = dyad.Actor{ID: strings.ReplaceAll(text.Key(name), " ", "-"), Name: name, Code: code,
				Country: country, Sector: sector(code, country), Kind: dyad.KindPerson}
		}
		r.addPerson(si, i, i+n, p)
	default:
		a := r.actor(dyad.Actor{ID: code, Name: titleCase(e.Name), Code: code, Country: country,
			Sector: sector(code, country), Kind: dyad.KindGroup})
		r.add(si, i, i+n, dyad.ORG, a, "")
	}
	return n
}

// sector is the first sector of a CAMEO code after its country: "GOV" of
// "USAGOV", "REB" of "PSEREBHMS".
func sector(code, country string) string {
	rest := strings.TrimPrefix(code, country)
	return rest[:min(3, len(rest))]
}

// titleCase writes a name the dictionaries give in capitals as a name:
// "BARACK OBAMA" → "Barack Obama".
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		if r, size := utf8.DecodeRuneInString(w); !nameParticles[w] || i == 0 {
			words[i] = string(unicode.ToUpper(r)) + w[size:]
		}
	}
	return strings.Join(words, " ")
}

// shortForm resolves a later mention of an introduced person by full name
// or surname at token i: "Sa'ar", "Saar", "Gideon Saar".
func (r *resolver) shortForm(si, i int) int {
	s := &r.d.sents[si]
	if !isCapitalized(s.words[i]) || notNames[s.words[i]] {
		return 0
	}
	for n := min(4, len(s.words)-i); n >= 1; n-- {
		key := text.Key(strings.Join(s.words[i:i+n], " "))
		for _, p := range r.persons {
			if key == p.full || n == 1 && key == p.last {
				r.addPerson(si, i, i+n, p)
				return n
			}
		}
	}
	return 0
}

// pronoun resolves he, him and she at token i to their antecedent. Gender
// is not known, so it is not checked.
func (r *resolver) pronoun(si, i int) {
	switch r.d.sents[si].lower(i) {
	case "he", "him", "his", "she", "her":
	default:
		return
	}
	if p := r.antecedent(si); p != nil {
		r.addPerson(si, i, i+1, p)
	}
}

// antecedent guesses the subject a pronoun in sentence si continues: the
// last person so far in the sentence who is the subject of a verb, else
// the first person so far in it ("the visit of Saar to Baku, during which
// he met"), else the first subject of the nearest earlier sentence (two at
// most) that names someone, else that sentence's first person.
func (r *resolver) antecedent(si int) *person {
	for sj := si; sj >= 0 && sj >= si-2; sj-- {
		s := &r.d.sents[sj]
		var first, subject *person
		for _, m := range r.mentions {
			p := r.personByID(m.Actor)
			if m.sent != sj || p == nil {
				continue
			}
			if first == nil {
				first = p
			}
			if s.acts(m.from, m.to) && (sj == si || subject == nil) {
				subject = p
			}
		}
		if subject != nil {
			return subject
		}
		if first != nil {
			return first
		}
	}
	return nil
}

// phraseMentions returns the mentions of sentence si inside the phrase
// headed by token k: its dependents, but not the clauses they head.
func (r *resolver) phraseMentions(si, k int) []mention {
	s := &r.d.sents[si]
	var out []mention
	for _, m := range r.mentions {
		if m.sent == si && s.under(m.from, k, clauseRels) {
			out = append(out, m)
		}
	}
	return out
}

func (r *resolver) personByID(id string) *person {
	for _, p := range r.persons {
		if p.actor.ID == id {
			return p
		}
	}
	return nil
}

// actor registers a, returning the registered copy's ID.
func (r *resolver) actor(a dyad.Actor) string {
	if _, ok := r.actors[a.ID]; !ok {
		r.actors[a.ID] = &a
		r.order = append(r.order, a.ID)
	}
	if a.Country != "" {
		r.counts[a.Country]++
	} else if a.Kind == dyad.KindCountry {
		r.counts[a.Code]++
	}
	return a.ID
}

func (r *resolver) add(si, from, to int, typ, actorID, role string) {
	sp := r.d.sents[si].span(from, to)
	r.mentions = append(r.mentions, mention{sent: si, from: from, to: to, Mention: dyad.Mention{
		Span: sp, Text: r.d.text[sp.Start:sp.End], Type: typ, Actor: actorID, Role: role,
	}})
}

func (r *resolver) addPerson(si, from, to int, p *person) {
	p.count++
	p.seen = si
	r.add(si, from, to, dyad.PER, r.actor(p.actor), "")
}

// addCountry adds a mention of the state e names. Demonyms are MISC, as in
// NER practice; names of states and their capitals are LOC.
func (r *resolver) addCountry(si, from, to int, e lexicon.Entry, role string) {
	c, ok := r.lex.Country(e.Country)
	if !ok {
		return
	}
	typ := dyad.LOC
	if e.Kind == lexicon.Demonym {
		typ = dyad.MISC
	}
	a := r.actor(dyad.Actor{ID: c.Code, Name: c.Name, Code: c.Code, Country: c.Code, Kind: dyad.KindCountry})
	r.add(si, from, to, typ, a, role)
}

// sectorNames name the sectors of a state for group actors.
var sectorNames = map[string]string{
	"REF": "refugees", "LAB": "labour", "EDU": "education", "HLH": "health",
	"REL": "religion", "AGR": "agriculture", "NGO": "NGOs", "UAF": "armed groups",
	"ENV": "environment", "PTY": "parties", "CRM": "criminals", "ELI": "elites",
	"MIL": "military", "BUS": "business", "MED": "media",
	"OPP": "opposition", "REB": "rebels", "COP": "police", "LEG": "legislature",
	"JUD": "judiciary", "CVL": "civilians", "SPY": "intelligence services",
}

// addGroup adds a mention of a sector of a state: its government, army,
// companies.
func (r *resolver) addGroup(si, from, to int, country, sector string) {
	c, ok := r.lex.Country(country)
	if !ok {
		return
	}
	kind, name := dyad.KindGroup, sectorNames[sector]
	if name == "" {
		name = strings.ToLower(sector)
	}
	name = c.Name + " " + name
	if sector == "GOV" {
		kind, name = dyad.KindGovernment, "Government of "+c.Name
	}
	a := r.actor(dyad.Actor{ID: country + sector, Name: name, Code: country + sector,
		Country: country, Sector: sector, Kind: kind})
	r.add(si, from, to, dyad.ORG, a, dyad.RoleAgent)
}

// result returns the actors in order of first mention.
func (r *resolver) result() []dyad.Actor {
	out := make([]dyad.Actor, 0, len(r.order))
	for _, id := range r.order {
		out = append(out, *r.actors[id])
	}
	return out
}

// dyadCountries returns the two states the article names most: what "the
// two countries" refers to.
func (r *resolver) dyadCountries() []string {
	codes := make([]string, 0, len(r.counts))
	for c := range r.counts {
		codes = append(codes, c)
	}
	slices.SortFunc(codes, func(a, b string) int {
		return cmp.Or(cmp.Compare(r.counts[b], r.counts[a]), cmp.Compare(a, b))
	})
	return codes[:min(2, len(codes))]
}
