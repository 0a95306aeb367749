package lexicon

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"dyad/text"
)

// Kind is what an entry names.
type Kind uint8

// Entry kinds. Country, Demonym, Capital, IGO and Region are proper names
// and match only capitalized text; Role and Agent match in any case.
const (
	Country Kind = iota + 1 // a state's name: "Israel", "United States", "U.S.", "Türkiye", "Turkey"
	Demonym                 // adjective or people: "Israeli", "Israelis", "Azerbaijani", "Turkish"
	Capital                 // a seat of government used as metonymy: "Baku", "Tel Aviv", "Kremlin"
	IGO                     // an international organization: "United Nations", "UN", "NATO", "OIC"
	Role                    // a title: "president", "foreign minister", "army chief", "CEO"
	Agent                   // a collective or sector noun: "government", "army", "troops", "media"
	Region                  // a region or bloc that is no actor of its own: "Middle East", "Latin American", "European"
	Known                   // a named actor from the Phoenix dictionaries: a person, group, organization or place, with dated codes
)

var kindNames = [...]string{"", "country", "demonym", "capital", "igo", "role", "agent", "region", "known"}

// String returns the lower-case name of k: "country", "igo", ...
func (k Kind) String() string {
	if int(k) < len(kindNames) && k > 0 {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Entry is one dictionary entry, as Match returns it.
type Entry struct {
	Kind Kind
	// Name is canonical: the country's name for Country ("Israel" for
	// "State of Israel"), the first demonym of the country for Demonym
	// ("Israeli" for "Israelis"), the capital as listed for Capital ("Tel
	// Aviv"), the organization's name for IGO, the role's or agent's
	// canonical phrase for Role and Agent ("foreign minister" for "minister
	// of foreign affairs"), the region's name for Region.
	Name string
	// Code is CAMEO: the country's alpha-3 code for Country, Demonym and
	// Capital; the organization's code for IGO ("IGOUNO"); the sector
	// ("GOV", "MIL", ...) for Role and Agent; the region code for Region
	// ("MEA", "LAM").
	Code    string
	Country string // alpha-3 for Country, Demonym and Capital; "" otherwise
	Sector  string // the sector for Role and Agent (== Code); "GOV" for Capital
	Head    bool   // Role only: a head of state or government (president, king, prime minister)
	// dated holds a Known entry's dated codes (see Dated and CodeOn);
	// Code is then its undated code, "" if it has none. A pointer keeps
	// Entry comparable.
	dated *[]DatedCode
}

// Lexicon holds the dictionaries and matches phrases against tokens.
//
// Match, MatchKnown, Theme, Tone, Country, Lookup, Hash and the event
// dictionary methods (VerbLemma, VerbPatterns, Synset, Nominal, Discard)
// may be called from many goroutines at once; AddFile may not run concurrently with anything else
// on the same Lexicon.
type Lexicon struct {
	names  table // Country, Demonym, Capital, IGO, Region, Role, Agent
	themes table // Entry.Name is the theme
	tone   map[string]int8

	// known holds the Known entries, for MatchKnown. It is the largest
	// table by far (≈26,000 actors), so it is parsed from knownData on
	// first use rather than by New.
	known     table
	knownData []byte
	knownOnce sync.Once
	// user holds the actors of user files (AddActors), latest first in
	// precedence, before the embedded ones.
	user []*table

	verbs    verbs
	nominals map[string]*Nominal // by NounKey of the noun
	discards discards

	countries map[string]*Entry // alpha-3 → canonical Country entry
	orgs      map[string]*Entry // IGO and region code → first entry with that code
	alias     map[string]string // another code for a country ("KSV") → its code ("XKX")
	byID      map[string]*Entry // entries by identity (kind, code, canonical), for AddFile

	sources [][]byte // SHA-256 of each source loaded, in order
	hash    string
}

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
)

// Default returns the embedded dictionaries, parsed once and shared.
// Callers that want to add files of their own should use New instead, or
// call AddFile on the default before any concurrent use.
func Default() *Lexicon {
	defaultOnce.Do(func() { defaultLex = New() })
	return defaultLex
}

// New returns a fresh Lexicon with the embedded dictionaries. It panics if
// the embedded data does not parse, which the tests rule out.
func New() *Lexicon {
	l, err := load()
	if err != nil {
		panic("lexicon: embedded data: " + err.Error())
	}
	return l
}

// Match returns the longest entry that matches words[0:n], and n; n == 0
// when no entry matches at words[0]. Words are tokens as text.Tokenize
// gives them; they are compared by text.Key, so case, accents, apostrophes
// and hyphens do not matter, except that proper names (Country, Demonym,
// Capital, IGO, Region) match only when their first word is capitalized in
// the text (has a capital letter: "Turkey", "TURKEY", "eSwatini", not
// "turkey"), and words the data writes in capitals (UN, US, NATO, AI) match
// only text without lower-case letters. A lone hyphen or apostrophe token
// inside a phrase is skipped (and counted in n). Known entries are left to
// MatchKnown. Match does not allocate unless a word holds letters
// beyond ASCII and Latin-1/Latin Extended-A ("Türkiye" and "Chișinău" do
// not allocate; "Москва" does).
func (l *Lexicon) Match(words []string) (Entry, int) {
	if p, n := l.names.match(words); n > 0 {
		return *p.ent, n
	}
	return Entry{}, 0
}

// MatchKnown is Match over the Known entries (the Phoenix actors) alone.
// Match does not return them: callers that discover people from
// capitalized names (package extract) would take a Phoenix name for a
// known non-person; they call MatchKnown where Match finds nothing.
//
// A Known name matches only when every word of it is capitalized in the
// text, joining words ("of", "the", "al", "bin", …) aside, so "Rice" and
// "Bush" may match, "rice" and "bush" do not; a one-word name of at most
// four letters ("US", "PKK") matches only text in capitals, since the
// source writes every name in capitals and cannot tell "US" from "Us".
func (l *Lexicon) MatchKnown(words []string) (Entry, int) {
	for _, t := range slices.Backward(l.user) {
		if p, n := t.match(words); n > 0 {
			return *p.ent, n
		}
	}
	if p, n := l.knownTable().match(words); n > 0 {
		return *p.ent, n
	}
	return Entry{}, 0
}

// knownTable returns the Known table, parsing it on first use. The
// embedded data is checked by the tests, so an error is a build mistake.
func (l *Lexicon) knownTable() *table {
	l.knownOnce.Do(func() {
		if err := loadKnown(&l.known, "actors.tsv", l.knownData); err != nil {
			panic("lexicon: embedded data: " + err.Error())
		}
		l.knownData = nil
	})
	return &l.known
}

// Theme returns the theme of the longest theme cue that matches
// words[0:n], and n; ("", 0) when none does. Cues match in any case
// (except acronyms such as "AI", which must be in capitals).
func (l *Lexicon) Theme(words []string) (string, int) {
	if p, n := l.themes.match(words); n > 0 {
		return p.ent.Name, n
	}
	return "", 0
}

// Tone returns +1 for a positive word, -1 for a negative one and 0 for any
// other word. Case does not matter.
func (l *Lexicon) Tone(word string) int {
	var buf [64]byte
	if k, ok := foldFast(buf[:0], word); ok {
		return int(l.tone[string(k)])
	}
	return int(l.tone[text.Key(word)])
}

// Country returns the canonical Country entry for an alpha-3 code (or one
// of the other codes the data lists for it, such as "KSV" for Kosovo).
func (l *Lexicon) Country(code string) (Entry, bool) {
	if e, ok := l.countries[code]; ok {
		return *e, true
	}
	if c, ok := l.alias[code]; ok {
		return *l.countries[c], true
	}
	return Entry{}, false
}

// Lookup returns the canonical Country, IGO or Region entry for a code.
// When several organizations share a code (Phoenix codes the Security
// Council as IGOUNO), the first one listed is returned.
func (l *Lexicon) Lookup(code string) (Entry, bool) {
	if e, ok := l.Country(code); ok {
		return e, true
	}
	if e, ok := l.orgs[code]; ok {
		return *e, true
	}
	return Entry{}, false
}

// Countries returns the canonical Country entries, sorted by code.
func (l *Lexicon) Countries() []Entry {
	out := make([]Entry, 0, len(l.countries))
	for _, e := range l.countries {
		out = append(out, *e)
	}
	slices.SortFunc(out, func(a, b Entry) int { return cmp.Compare(a.Code, b.Code) })
	return out
}

// Hash returns 16 hex digits of SHA-256 over the data loaded (the embedded
// files and every file added), so that a coded event can name the
// dictionaries that coded it. The same data gives the same hash.
func (l *Lexicon) Hash() string { return l.hash }

// phrase is one way of writing an entry, split into words.
type phrase struct {
	keys  []string // text.Key of each word
	forms []string // the words as the data writes them
	ent   *Entry
	capAt int    // index of the word whose case a proper name checks; -1 for none
	acro  uint32 // bit i: word i is an acronym and must be in capitals
	caps  uint32 // bit i: word i must have a capital letter (Known names)
}

// table finds phrases by the key of their first word.
type table struct {
	first map[string][]*phrase // sorted by len(keys), longest first
	all   map[string]*phrase   // by keys joined with spaces
}

func newTable() table {
	return table{first: map[string][]*phrase{}, all: map[string]*phrase{}}
}

// put adds p, or replaces the phrase with the same keys, and returns the
// phrase now in the table.
func (t *table) put(p *phrase) *phrase {
	joined := strings.Join(p.keys, " ")
	if old, ok := t.all[joined]; ok {
		*old = *p
		return old
	}
	t.all[joined] = p
	c := append(t.first[p.keys[0]], p)
	slices.SortStableFunc(c, func(a, b *phrase) int { return len(b.keys) - len(a.keys) })
	t.first[p.keys[0]] = c
	return p
}

// match returns the longest phrase that matches the start of words and the
// number of words it spans.
func (t *table) match(words []string) (*phrase, int) {
	if len(words) == 0 {
		return nil, 0
	}
	var buf [64]byte
	var cands []*phrase
	if k, ok := foldFast(buf[:0], words[0]); ok {
		if len(k) == 0 {
			return nil, 0
		}
		cands = t.first[string(k)]
	} else {
		cands = t.first[text.Key(words[0])]
	}
	for _, p := range cands {
		if n := p.match(words); n > 0 {
			return p, n
		}
	}
	return nil, 0
}

// match reports how many words p spans at the start of words, 0 if it
// does not match. The first word's key is known to match.
func (p *phrase) match(words []string) int {
	j := 0
	for i, key := range p.keys {
		if i > 0 && key == "" {
			continue // a word of punctuation ("WORKERS ' PARTY"): skipped in words below
		}
		if i > 0 {
			for j < len(words) && isJoiner(words[j]) {
				j++
			}
			if j >= len(words) || !keyEq(words[j], key) {
				return 0
			}
		}
		w := words[j]
		if i == p.capAt && !hasUpper(w) {
			return 0
		}
		if p.acro&(1<<i) != 0 && hasLower(w) {
			return 0
		}
		if p.caps&(1<<i) != 0 && !hasUpper(w) {
			return 0
		}
		j++
	}
	return j
}

// foldFast appends text.Key(w) to dst when w is ASCII apart from the
// apostrophes and hyphens that text.Key drops; ok is false when w needs
// text.Key itself.
func foldFast(dst []byte, w string) (_ []byte, ok bool) {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				dst = append(dst, c+('a'-'A'))
			case c == '\'' || c == '-' || c == '`':
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
				return dst, false
			default:
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		switch {
		case r == '’' || r == 'ʼ' || r == '‘' || r == '‐' || r == '‑':
		case latinLo <= r && r < latinHi && latinOK[r-latinLo]:
			dst = append(dst, latinKey[r-latinLo]...)
		default:
			return dst, false
		}
		i += n
	}
	return dst, true
}

// The Latin-1 Supplement and Latin Extended-A letters whose text.Key is
// plain ASCII ("Ü" → "u", "ș" → "s", "´" → ""), so that foldFast can fold
// "Türkiye" and "Chișinău" without allocating. The table is computed
// from text.Key itself, so the two always agree.
const latinLo, latinHi = 0xC0, 0x250

var (
	latinKey [latinHi - latinLo]string
	latinOK  [latinHi - latinLo]bool
)

func init() {
	for r := rune(latinLo); r < latinHi; r++ {
		k := text.Key(string(r))
		ascii := true
		for i := 0; i < len(k); i++ {
			if k[i] >= utf8.RuneSelf || k[i] == ' ' {
				ascii = false
			}
		}
		latinKey[r-latinLo], latinOK[r-latinLo] = k, ascii
	}
}

// keyEq reports whether text.Key(w) == key.
func keyEq(w, key string) bool {
	var buf [64]byte
	if k, ok := foldFast(buf[:0], w); ok {
		return string(k) == key
	}
	return text.Key(w) == key
}

// isJoiner reports whether w is a lone hyphen or apostrophe, which text.Key
// folds away entirely.
func isJoiner(w string) bool {
	if w == "" || len(w) > 3 {
		return false
	}
	var buf [4]byte
	k, ok := foldFast(buf[:0], w)
	return ok && len(k) == 0
}

// hasUpper reports whether w has a capital letter: "Turkey", "TURKEY",
// "eSwatini", not "turkey".
func hasUpper(w string) bool {
	for _, r := range w {
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			return true
		}
	}
	return false
}

func hasLower(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// isAcronym reports whether a data word is written in capitals: two or
// more letters, none lower case ("UN", "U.S.", "NATO", "G20" is not: one
// letter).
func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}
