package lexicon

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
	"unicode"

	"dyad/text"
)

//go:embed data/*.tsv
var dataFS embed.FS

// embedded lists the data files in the order they load, with the kind of
// line each holds.
var embedded = []struct{ file, kind string }{
	{"countries.tsv", "country"},
	{"regions.tsv", "region"},
	{"igos.tsv", "igo"},
	{"roles.tsv", "role"},
	{"agents.tsv", "agent"},
	{"themes.tsv", "theme"},
	{"tone.tsv", "tone"},
}

// maxWords is the longest phrase, in words, that the data may hold.
const maxWords = 32

// load parses the embedded files into a new Lexicon.
func load() (*Lexicon, error) {
	l := &Lexicon{
		names:     newTable(),
		themes:    newTable(),
		tone:      map[string]int8{},
		countries: map[string]*Entry{},
		orgs:      map[string]*Entry{},
		byID:      map[string]*Entry{},
		alias:     map[string]string{},
	}
	b := l.newBatch()
	var sums [][]byte
	for _, f := range embedded {
		data, err := dataFS.ReadFile("data/" + f.file)
		if err != nil {
			return nil, err
		}
		if err := b.parse(f.file, data, f.kind); err != nil {
			return nil, err
		}
		sums = append(sums, sum(f.file, data))
	}
	b.apply()
	// Phoenix's agents add only the phrases the tables above lack.
	weak := l.newBatch()
	weak.weak = true
	for _, file := range []string{"agents-phoenix.tsv"} {
		data, err := dataFS.ReadFile("data/" + file)
		if err != nil {
			return nil, err
		}
		if err := weak.parse(file, data, "agent"); err != nil {
			return nil, err
		}
		sums = append(sums, sum(file, data))
	}
	weak.apply()
	l.verbs = newVerbs()
	for _, f := range []struct {
		files []string
		load  func(data ...[]byte) error
	}{
		{[]string{"synsets.tsv", "verbs.tsv", "verbs-dyad.tsv"}, func(d ...[]byte) error {
			return l.verbs.load(d[0], file{"verbs.tsv", d[1]}, file{"verbs-dyad.tsv", d[2]})
		}},
		{[]string{"nominal.tsv"}, func(d ...[]byte) error { return l.loadNominals(d[0]) }},
		// Parsed on first use: see Lexicon.knownTable.
		{[]string{"actors.tsv"}, func(d ...[]byte) error { l.knownData = d[0]; return nil }},
		{[]string{"discards.tsv"}, func(d ...[]byte) error { return l.loadDiscards(d[0]) }},
		// Read by CAMEO and PLOVER; hashed here because events carry them.
		{[]string{"cameo.tsv", "plover.tsv"}, func(...[]byte) error { return nil }},
	} {
		var data [][]byte
		for _, file := range f.files {
			d, err := dataFS.ReadFile("data/" + file)
			if err != nil {
				return nil, err
			}
			data = append(data, d)
			sums = append(sums, sum(file, d))
		}
		if err := f.load(data...); err != nil {
			return nil, err
		}
	}
	l.addSums(sums...)
	return l, nil
}

// AddFile reads a user dictionary in the combined format (see the package
// documentation) and adds its entries, overriding any earlier entry with
// the same phrase. The file is applied whole or not at all; an error names
// the file and line and the reason: "my.tsv:3: role: sector "gov" is not
// three capital letters".
func (l *Lexicon) AddFile(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	b := l.newBatch()
	if err := b.parse(path, data, ""); err != nil {
		return err
	}
	b.apply()
	l.addSums(sum("user", data))
	return nil
}

func sum(tag string, data []byte) []byte {
	h := sha256.New()
	h.Write([]byte(tag))
	h.Write([]byte{0})
	h.Write(data)
	return h.Sum(nil)
}

func (l *Lexicon) addSums(s ...[]byte) {
	l.sources = append(l.sources, s...)
	h := sha256.New()
	for _, s := range l.sources {
		h.Write(s)
	}
	l.hash = hex.EncodeToString(h.Sum(nil))[:16]
}

// batch is one load: the lines of one or more files, checked before any
// of them changes the Lexicon.
type batch struct {
	l    *Lexicon
	seen map[string]def // table + joined keys → where it was defined
	ops  []func()
	// canon is the canonical name of every country code known so far.
	canon map[string]string
	// weak: phrases and roles or agents already known are skipped, not
	// errors (for tables that only add to ours).
	weak bool
}

// def is where a phrase was defined in this batch.
type def struct {
	loc     string // file:line
	id      string // identity of the entry it names
	variant bool   // derived by splitting at hyphens or apostrophes
	p       *pending
}

func (l *Lexicon) newBatch() *batch {
	b := &batch{l: l, seen: map[string]def{}, canon: map[string]string{}}
	for c, e := range l.countries {
		b.canon[c] = e.Name
	}
	return b
}

func (b *batch) apply() {
	for _, op := range b.ops {
		op()
	}
	b.ops = nil
}

// parse checks every line of data and queues its changes. kind is the kind
// of every line, or "" when the first field of each line names it.
func (b *batch) parse(name string, data []byte, kind string) error {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, " \t\r")
		if t := strings.TrimSpace(line); t == "" || t[0] == '#' {
			continue
		}
		loc := fmt.Sprintf("%s:%d", name, i+1)
		f := splitFields(line)
		k := kind
		if k == "" {
			k, f = strings.ToLower(f[0]), f[1:]
		}
		var err error
		switch k {
		case "country":
			err = b.country(loc, f)
		case "igo":
			err = b.org(loc, IGO, f)
		case "region":
			err = b.org(loc, Region, f)
		case "role":
			err = b.roleOrAgent(loc, Role, f)
		case "agent":
			err = b.roleOrAgent(loc, Agent, f)
		case "theme":
			err = b.theme(loc, f)
		case "tone":
			err = b.toneWord(loc, f)
		default:
			err = fmt.Errorf("unknown kind %q (want country, igo, region, role, agent, theme or tone)", k)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", loc, err)
		}
	}
	return nil
}

// splitFields splits a line at tabs; a line without tabs is split at runs
// of two or more spaces, for hand-written files. Fields are trimmed and
// "-" stands for an empty field.
func splitFields(line string) []string {
	var f []string
	if strings.Contains(line, "\t") {
		f = strings.Split(line, "\t")
	} else {
		for rest := strings.TrimSpace(line); rest != ""; {
			i := strings.Index(rest, "  ")
			if i < 0 {
				f = append(f, rest)
				break
			}
			f = append(f, rest[:i])
			rest = strings.TrimLeft(rest[i:], " ")
		}
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
		if f[i] == "-" {
			f[i] = ""
		}
	}
	return f
}

// field returns f[i], or "" when the line is shorter.
func field(f []string, i int) string {
	if i < len(f) {
		return f[i]
	}
	return ""
}

// list splits a field at "|".
func list(s string) []string {
	var out []string
	for _, x := range strings.Split(s, "|") {
		if x = strings.TrimSpace(x); x != "" && x != "-" {
			out = append(out, x)
		}
	}
	return out
}

func isCode(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func checkFields(f []string, min, max int, layout string) error {
	if len(f) < min || len(f) > max {
		return fmt.Errorf("%d fields, want %s", len(f), layout)
	}
	return nil
}

// pending is a phrase checked and waiting to be added.
type pending struct {
	forms []string
	name  string // the phrase as listed
	slot  int    // which entry of the line it names
}

// phrases checks the phrases of one line that name the entry with identity
// id, records them in b.seen and returns those to add, with their
// variants split at hyphens and apostrophes. A phrase already defined by
// this line is skipped (a capital named like its country: "Singapore");
// of two spellings with the same key on one line, the one that is not in
// capitals wins ("Interpol|INTERPOL" matches both). A phrase defined for
// another entry earlier in the batch is an error.
func (b *batch) phrases(loc, table, id string, slot int, items []string) ([]*pending, error) {
	var out []*pending
	for _, item := range items {
		// A lone apostrophe or hyphen ("prosecutors' office") is left
		// out: Match skips such tokens inside a phrase.
		var forms, keys []string
		for _, w := range words(item) {
			if k := text.Key(w); k != "" {
				forms, keys = append(forms, w), append(keys, k)
			}
		}
		if len(forms) == 0 {
			return nil, fmt.Errorf("%q has no letters or digits", item)
		}
		if len(forms) > maxWords {
			return nil, fmt.Errorf("%q has more than %d words", item, maxWords)
		}
		joined := table + strings.Join(keys, " ")
		if b.weak && b.known(table, joined, keys) {
			continue
		}
		d, ok := b.seen[joined]
		switch {
		case ok && !d.variant && d.loc != loc && d.id != id:
			return nil, fmt.Errorf("%q is already defined at %s", item, d.loc)
		case ok && !d.variant:
			if d.p != nil && acronyms(d.p.forms) > acronyms(forms) {
				d.p.forms = forms
			}
		default:
			p := &pending{forms: forms, name: item, slot: slot}
			b.seen[joined] = def{loc: loc, id: id, p: p}
			out = append(out, p)
		}
		if v := splitVariant(forms); v != nil {
			var vf, vk []string
			for _, w := range v {
				if k := text.Key(w); k != "" {
					vf, vk = append(vf, w), append(vk, k)
				}
			}
			v = vf
			j := table + strings.Join(vk, " ")
			if _, ok := b.seen[j]; !ok && len(v) > 0 && !(b.weak && b.known(table, j, vk)) {
				p := &pending{forms: v, name: item, slot: slot}
				b.seen[j] = def{loc: loc, id: id, variant: true, p: p}
				out = append(out, p)
			}
		}
	}
	return out, nil
}

// known reports whether a phrase is already in this batch or, for the
// names table, in the Lexicon.
func (b *batch) known(table, joined string, keys []string) bool {
	if _, ok := b.seen[joined]; ok {
		return true
	}
	return table == "n" && b.l.names.all[strings.Join(keys, " ")] != nil
}

// words splits a phrase of the data into words exactly as text.Tokenize
// splits an article, so that "People's Republic of China" has the words
// "People" "'s" "Republic" "of" "China" on both sides.
func words(s string) []string {
	toks := text.Tokenize(s)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

// acronyms counts the words of forms written in capitals.
func acronyms(forms []string) int {
	n := 0
	for _, w := range forms {
		if isAcronym(w) {
			n++
		}
	}
	return n
}

// splitVariant returns forms split at hyphens and apostrophes inside words
// ("Guinea-Bissau" → "Guinea" "Bissau", "St. John's" → "St." "John" "s"),
// or nil if no word has any.
func splitVariant(forms []string) []string {
	var out []string
	split := false
	for _, w := range forms {
		pieces := strings.FieldsFunc(w, func(r rune) bool {
			switch r {
			case '-', '‐', '‑', '\'', '’', 'ʼ', '‘', '`', '´':
				return true
			}
			return false
		})
		if len(pieces) != 1 || pieces[0] != w {
			split = true
		}
		out = append(out, pieces...)
	}
	if !split || len(out) == 0 || len(out) > maxWords {
		return nil
	}
	return out
}

// newPhrase builds a phrase for an entry.
func newPhrase(forms []string, e *Entry) *phrase {
	p := &phrase{forms: forms, ent: e, keys: make([]string, len(forms)), capAt: -1}
	for i, w := range forms {
		p.keys[i] = text.Key(w)
		if isAcronym(w) {
			p.acro |= 1 << i
		}
	}
	switch e.Kind {
	case Country, Demonym, Capital, IGO, Region:
		// The word whose case is tested is the first that the data
		// capitalizes, "the" aside: "The Hague" tests "Hague", and
		// "sub Saharan Africa" (split from "sub-Saharan") "Saharan".
		p.capAt = -1
		for i, w := range forms {
			if p.keys[i] != "the" && hasUpper(w) {
				p.capAt = i
				break
			}
		}
		if p.capAt < 0 {
			p.capAt = 0
			for p.capAt < len(p.keys)-1 && p.keys[p.capAt] == "the" {
				p.capAt++
			}
		}
	}
	return p
}

func (b *batch) addNames(ps []*pending, entries ...*Entry) {
	for _, p := range ps {
		b.l.names.put(newPhrase(p.forms, entries[p.slot]))
	}
}

// country: code, canonical, names, demonyms, capitals, other codes.
func (b *batch) country(loc string, f []string) error {
	if err := checkFields(f, 2, 6, "code, canonical name, names, demonyms, capitals, other codes"); err != nil {
		return err
	}
	code, canonical := f[0], f[1]
	if !isCode(code, 3, 3) {
		return fmt.Errorf("country: code %q is not three capital letters", code)
	}
	if canonical == "" {
		canonical = b.canon[code]
		if canonical == "" {
			return fmt.Errorf("country: %s has no canonical name", code)
		}
	}
	b.canon[code] = canonical
	alts := list(field(f, 5))
	for _, a := range alts {
		if !isCode(a, 3, 3) {
			return fmt.Errorf("country: other code %q is not three capital letters", a)
		}
	}
	demonyms := list(field(f, 3))
	demName := canonical
	if len(demonyms) > 0 {
		demName = demonyms[0]
	}
	var ps []*pending
	demID := fmt.Sprintf("%d|%s|%d", Demonym, code, 1)
	for slot, items := range [][]string{append([]string{canonical}, list(field(f, 2))...), demonyms, list(field(f, 4))} {
		id := fmt.Sprintf("%d|%s|%d", Country+Kind(slot), code, slot)
		p, err := b.phrases(loc, "n", id, slot, items)
		if err != nil {
			return fmt.Errorf("country %s: %w", code, err)
		}
		ps = append(ps, p...)
	}
	b.ops = append(b.ops, func() {
		l := b.l
		ce := l.countries[code]
		if ce == nil {
			ce = &Entry{Kind: Country, Code: code, Country: code}
			l.countries[code] = ce
		}
		ce.Name = canonical
		for _, a := range alts {
			l.alias[a] = code
		}
		// A country's demonyms share one entry, named by the first
		// demonym ever listed for it.
		dem := l.entry(demID, func() *Entry {
			return &Entry{Kind: Demonym, Name: demName, Code: code, Country: code}
		})
		for _, p := range ps {
			var e *Entry
			switch p.slot {
			case 0:
				e = ce
			case 1:
				e = dem
			default:
				e = &Entry{Kind: Capital, Name: p.name, Code: code, Country: code, Sector: "GOV"}
			}
			l.names.put(newPhrase(p.forms, e))
		}
	})
	return nil
}

// entry returns the entry with identity id, made by mk if there is none.
func (l *Lexicon) entry(id string, mk func() *Entry) *Entry {
	e := l.byID[id]
	if e == nil {
		e = mk()
		l.byID[id] = e
	}
	return e
}

// org: code, canonical, names — for igo and region lines.
func (b *batch) org(loc string, kind Kind, f []string) error {
	what := kind.String()
	if err := checkFields(f, 2, 3, "code, canonical name, names"); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	code, canonical := f[0], f[1]
	if kind == Region && !isCode(code, 3, 3) {
		return fmt.Errorf("region: code %q is not three capital letters", code)
	}
	if kind == IGO && !isCode(code, 3, 15) {
		return fmt.Errorf("igo: code %q is not 3 to 15 capital letters", code)
	}
	if canonical == "" {
		return fmt.Errorf("%s %s: no canonical name", what, code)
	}
	id := fmt.Sprintf("%d|%s|%s", kind, code, text.Key(canonical))
	ps, err := b.phrases(loc, "n", id, 0, append([]string{canonical}, list(field(f, 2))...))
	if err != nil {
		return fmt.Errorf("%s %s: %w", what, code, err)
	}
	b.ops = append(b.ops, func() {
		l := b.l
		// Names added later for the same organization share its entry.
		e := l.entry(id, func() *Entry { return &Entry{Kind: kind, Name: canonical, Code: code} })
		if l.orgs[code] == nil {
			l.orgs[code] = e
		}
		b.addNames(ps, e)
	})
	return nil
}

// roleOrAgent: role lines are canonical, sector, head (yes/no), variants;
// agent lines are canonical, sector, variants.
func (b *batch) roleOrAgent(loc string, kind Kind, f []string) error {
	what := kind.String()
	layout, n := "canonical phrase, sector, variants", 3
	if kind == Role {
		layout, n = "canonical phrase, sector, head (yes or no), variants", 4
	}
	if err := checkFields(f, 2, n, layout); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	canonical, sector := f[0], f[1]
	// "[general]": the canonical name, not itself a phrase to match.
	bare := len(canonical) > 2 && canonical[0] == '[' && canonical[len(canonical)-1] == ']'
	if bare {
		canonical = strings.TrimSpace(canonical[1 : len(canonical)-1])
	}
	if canonical == "" {
		return fmt.Errorf("%s: no canonical phrase", what)
	}
	if !isCode(sector, 3, 3) {
		return fmt.Errorf("%s: sector %q is not three capital letters", what, sector)
	}
	head := false
	variants := field(f, 2)
	if kind == Role {
		switch strings.ToLower(field(f, 2)) {
		case "yes":
			head = true
		case "no", "":
		default:
			return fmt.Errorf("role: head %q is not yes or no", f[2])
		}
		variants = field(f, 3)
	}
	id := fmt.Sprintf("%d|%s", kind, text.Key(canonical))
	items := list(variants)
	if !bare {
		items = append([]string{canonical}, items...)
	}
	if len(items) == 0 {
		return fmt.Errorf("%s [%s]: no variants to match", what, canonical)
	}
	if b.weak && b.l.byID[id] != nil {
		return nil
	}
	ps, err := b.phrases(loc, "n", id, 0, items)
	if err != nil {
		return fmt.Errorf("%s %q: %w", what, canonical, err)
	}
	if b.weak && len(ps) == 0 {
		return nil
	}
	b.ops = append(b.ops, func() {
		l := b.l
		// A later line for the same role or agent adds variants and
		// may change its sector for all of them.
		e := l.entry(id, func() *Entry { return &Entry{Kind: kind, Name: canonical} })
		e.Code, e.Sector, e.Head = sector, sector, head
		b.addNames(ps, e)
	})
	return nil
}

// theme: THEME, cues.
func (b *batch) theme(loc string, f []string) error {
	if err := checkFields(f, 2, 2, "theme, cues"); err != nil {
		return fmt.Errorf("theme: %w", err)
	}
	name := f[0]
	for i, r := range name {
		if !(r >= 'A' && r <= 'Z' || i > 0 && (r == '_' || r >= '0' && r <= '9')) {
			return fmt.Errorf("theme: name %q is not in capitals (A-Z, 0-9, _)", name)
		}
	}
	cues := list(f[1])
	if len(cues) == 0 {
		return fmt.Errorf("theme %s: no cues", name)
	}
	ps, err := b.phrases(loc, "t", "theme|"+name, 0, cues)
	if err != nil {
		return fmt.Errorf("theme %s: %w", name, err)
	}
	b.ops = append(b.ops, func() {
		e := &Entry{Name: name}
		for _, p := range ps {
			b.l.themes.put(newPhrase(p.forms, e))
		}
	})
	return nil
}

// toneWord: word, +1 or -1.
func (b *batch) toneWord(loc string, f []string) error {
	if err := checkFields(f, 2, 2, "word, +1 or -1"); err != nil {
		return fmt.Errorf("tone: %w", err)
	}
	w := f[0]
	if strings.IndexFunc(w, unicode.IsSpace) >= 0 {
		return fmt.Errorf("tone: %q is more than one word", w)
	}
	k := text.Key(w)
	if k == "" {
		return fmt.Errorf("tone: %q has no letters", w)
	}
	var v int8
	switch f[1] {
	case "+1", "1":
		v = 1
	case "-1":
		v = -1
	default:
		return fmt.Errorf("tone: polarity %q is not +1 or -1", f[1])
	}
	if d, ok := b.seen["tone:"+k]; ok {
		return fmt.Errorf("tone: %q is already listed at %s", w, d.loc)
	}
	b.seen["tone:"+k] = def{loc: loc}
	b.ops = append(b.ops, func() { b.l.tone[k] = v })
	return nil
}
