package treebank

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// gumTypes maps GUM entity types to NER types. GUM's other types (abstract,
// animal, event, object, plant, substance, time) are not named-entity
// classes in the PER/ORG/LOC sense and are dropped.
var gumTypes = map[string]string{
	"person":       "PER",
	"organization": "ORG",
	"place":        "LOC",
}

// errEntity reports a malformed Entity attribute.
var errEntity = errors.New("bad Entity annotation")

// entityFields is the field order of GUM's entity annotation, from the
// "# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity"
// header.
type entityFields struct {
	n               int // number of fields
	etype, identity int // their indices; -1 if absent
}

func parseEntityFields(v string) (entityFields, error) {
	names := strings.Split(v, "-")
	f := entityFields{
		n:        len(names),
		etype:    slices.Index(names, "etype"),
		identity: slices.Index(names, "identity"),
	}
	if len(names) == 0 || names[0] != "GRP" || f.etype < 0 {
		return f, fmt.Errorf("global.Entity %q: want GRP-etype-...", v)
	}
	return f, nil
}

// gumEntities returns the named PER, ORG and LOC entities of a sentence
// from the Entity attributes of its tokens (ents[i] for token i, "" when
// absent), or an error for a malformed or unbalanced annotation.
//
// GUM marks every mention: full noun phrases, pronouns, nested mentions.
// A mention of a person, organization or place counts as a named entity
// when its head is a proper noun. Its identity field (the Wikipedia link,
// "(8-place-giv:act-ssnns-cf1-2-coref-Netherlands") does not decide: GUM
// links only entities with a Wikipedia page, so private persons and small
// firms ("Mary Chaworth", "Heaven Sent Gaming", 105 mentions of GUM dev)
// have none, while pronouns and common nouns that corefer with a linked
// entity ("he", "the country") inherit the link. A mention headed by a
// common noun is named all the same by a name beside the noun ("actor
// Jason Beghe") or by the name inside it that it is linked to ("the
// province of Palawan"; see namedBy). Plural proper nouns do not
// name a person ("Americans", "the Sams"). GUM mentions are whole
// noun phrases ("the National Library of the Netherlands, the Netherlands",
// "John FitzGibbon, 2nd Earl of Clare", "Australia 's"); NER spans are the
// name only, so the span is the run of proper nouns around the head, with
// joiners such as "of the" inside it: "National Library of the
// Netherlands", "John FitzGibbon", "Australia". GUM's minspan field does not
// serve: it skips words inside names and spans appositions. Titles are not
// names, as in NER data (CoNLL, OntoNotes, UNER): the title GUM attaches
// to a person's name as nmod:desc is cut off ("Professor Eastman" is
// "Eastman"), and a person whose head is a title ("the Secretary", "Mr.
// Chief Justice", "Emperor of the United States") is no named person,
// though a place inside the title is named ("United States"). A
// coordination ("Kirk Bart and Celeste Pollock") is a mention of its own
// in GUM, with its parts nested; only the parts are kept, unless it is
// linked as a whole ("Newfoundland and Labrador"). Entities do not nest,
// as in NER data: of "National Library of the Netherlands" and the
// "Netherlands" inside it, only the first is kept.
func gumEntities(f entityFields, ents []string, toks []Token) ([]Entity, error) {
	var (
		open []mention
		out  []named
	)
	closeAt := func(grp string, end int) error {
		for j := len(open) - 1; j >= 0; j-- {
			m := open[j]
			if m.grp != grp {
				continue
			}
			open = slices.Delete(open, j, j+1)
			if m.typ != "" {
				if s, e, ok := nerSpan(m.start, end, m.typ, m.ident, toks); ok {
					out = append(out, named{Entity{Start: s, End: e, Type: m.typ}, m.ident != ""})
				}
			}
			return nil
		}
		return fmt.Errorf("token %d: %w: %q closes no open mention", end, errEntity, grp)
	}
	for i, a := range ents {
		for a != "" {
			if a[0] == '(' {
				j := strings.IndexAny(a[1:], "()")
				body := a[1:]
				if j >= 0 {
					body, a = a[1:j+1], a[j+1:]
				} else {
					a = ""
				}
				m, err := parseMention(f, body)
				if err != nil {
					return nil, fmt.Errorf("token %d: %w", i+1, err)
				}
				m.start = i
				open = append(open, m)
				if a != "" && a[0] == ')' {
					a = a[1:]
					if err := closeAt(m.grp, i+1); err != nil {
						return nil, err
					}
				}
				continue
			}
			j := strings.IndexByte(a, ')')
			if j <= 0 || strings.ContainsRune(a[:j], '(') {
				return nil, fmt.Errorf("token %d: %w %q", i+1, errEntity, a)
			}
			if err := closeAt(a[:j], i+1); err != nil {
				return nil, err
			}
			a = a[j+1:]
		}
	}
	if len(open) > 0 {
		return nil, fmt.Errorf("%w: mention %q opened at token %d is not closed in the sentence", errEntity, open[0].grp, open[0].start+1)
	}
	kept := dropCoordinations(out, toks)
	// Mentions close inner first; sort them into text order, outer first.
	slices.SortFunc(kept, func(a, b Entity) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	// Keep the outermost: NER spans do not nest.
	flat := kept[:0]
	for _, e := range kept {
		if len(flat) == 0 || e.Start >= flat[len(flat)-1].End {
			flat = append(flat, e)
		}
	}
	return flat, nil
}

// parseMention reads the body of an opening bracket,
// "8-place-giv:act-ssnns-cf1-2-coref-Netherlands".
func parseMention(f entityFields, body string) (mention, error) {
	var m mention
	// The last field (identity) may itself contain "-".
	parts := strings.SplitN(body, "-", f.n)
	if parts[0] == "" || strings.Trim(parts[0], "0123456789") != "" {
		return m, fmt.Errorf("%w: mention %q: want a numeric group first", errEntity, body)
	}
	m.grp = parts[0]
	get := func(k int) string {
		if k < 0 || k >= len(parts) {
			return ""
		}
		return parts[k]
	}
	m.typ = gumTypes[get(f.etype)]
	m.ident = get(f.identity)
	return m, nil
}

// nerSpan cuts the mention [start, end) of type typ, linked to the
// Wikipedia page ident ("" if none), down to its name (see gumEntities);
// ok is false when the mention is not a name.
func nerSpan(start, end int, typ, ident string, toks []Token) (lo, hi int, ok bool) {
	h := -1
	for i := start; i < end; i++ {
		if p := toks[i].Head - 1; toks[i].Head <= 0 || p < start || p >= end {
			h = i
			break
		}
	}
	joins := func(k int) bool {
		w := strings.ToLower(toks[k].Form)
		return nameJoiner[w] && (typ != "PER" || !coordinator[w])
	}
	// run returns the run of names around the name toks[k], with joiners
	// inside it.
	run := func(k int) (lo, hi int) {
		lo, hi = k, k+1
		for {
			j := lo - 1
			for j >= start && joins(j) {
				j--
			}
			if j < start || !isName(toks[j]) {
				break
			}
			lo = j
		}
		for {
			j := hi
			for j < end && joins(j) {
				j++
			}
			if j == end || !isName(toks[j]) {
				break
			}
			hi = j + 1
		}
		return lo, hi
	}
	switch {
	case h < 0:
		return 0, 0, false
	case isName(toks[h]):
		lo, hi = run(h)
	default:
		if lo, hi = namedBy(start, end, h, ident, toks, run); lo == hi {
			return 0, 0, false
		}
		h = lo
	}
	if typ == "PER" && (toks[h].XPOS == "NNPS" || IsTitle(toks[h].Form)) {
		return 0, 0, false
	}
	if typ == "PER" {
		for lo < h && descriptor(lo, h, toks) {
			lo++
		}
	}
	return lo, hi, true
}

// namedBy returns the span of the name in the mention [start, end) whose
// head toks[h] is a common noun, empty if there is none. GUM makes the
// noun the head where a name stands beside it ("actor Jason Beghe", "the
// physician Yang Buwei": the name's words are flat or appos under the
// noun, or flat or compound under those) and where the mention is linked
// to the page of a name inside it ("the province of Palawan", "the Bay of
// Bengal area"); the name is the entity's all the same, and NER data mark
// it. A name beside the noun ends where the words under it do: "Gary Fan
// of the Neo Democrats" is "Gary Fan", "Refugee Council director Enver
// Solomon" "Enver Solomon".
func namedBy(start, end, h int, ident string, toks []Token, run func(int) (int, int)) (lo, hi int) {
	if page := linkedName(ident); page != "" {
		for k := start; k < end; k++ {
			if !isName(toks[k]) {
				continue
			}
			lo, hi := run(k)
			var name strings.Builder
			for _, t := range toks[lo:hi] {
				name.WriteString(t.Form)
			}
			// the page may name the noun too: "the island of
			// Busuanga" is "Busuanga Island"
			n, noun := name.String(), toks[h].Form
			of := toks[k].Head-1 == h && strings.HasPrefix(toks[k].Deprel, "nmod")
			if strings.EqualFold(n, page) || of && (strings.EqualFold(n+noun, page) || strings.EqualFold(noun+n, page)) {
				return lo, hi
			}
		}
	}
	// under reports whether toks[k] is a word of the name beside the noun.
	under := func(k int) bool {
		for range end - start { // bounded walk up, in case of a cycle
			p := toks[k].Head - 1
			if !isName(toks[k]) || p < start || p >= end {
				return false
			}
			switch toks[k].Deprel {
			case "flat", "appos":
				if p == h {
					return true
				}
			case "compound":
			default:
				return false
			}
			k = p
		}
		return false
	}
	lo = start
	for lo < end && !under(lo) {
		lo++
	}
	if lo == end {
		return 0, 0
	}
	hi = lo + 1
	for j := hi; j < end; j++ {
		if under(j) {
			hi = j + 1
		} else if !nameJoiner[strings.ToLower(toks[j].Form)] && toks[j].UPOS != "PUNCT" {
			break
		}
	}
	return lo, hi
}

// linkedName returns the name of a Wikipedia page as GUM writes it
// ("Coron%2C_Palawan", "Preston_%28Victoria%29"), without spaces or what
// tells it from namesakes: "Coron", "Preston".
func linkedName(ident string) string {
	if s, err := url.PathUnescape(ident); err == nil {
		ident = s
	}
	ident = strings.ReplaceAll(ident, "_", " ")
	if i := strings.IndexAny(ident, ",("); i >= 0 {
		ident = ident[:i]
	}
	return strings.ReplaceAll(ident, " ", "")
}

// descriptor reports whether token k, before the head h of a person's
// name, belongs to a title that GUM attaches to the name as nmod:desc:
// "[Professor] Eastman", "[Vice President] Bush", "[Dr.] William Glennie".
// NER data (CoNLL, OntoNotes, UNER) leave titles out of names.
func descriptor(k, h int, toks []Token) bool {
	for range toks { // bounded walk up the tree, in case of a cycle
		if k == h || toks[k].Head <= 0 {
			return false
		}
		if toks[k].Deprel == "nmod:desc" {
			return true
		}
		k = toks[k].Head - 1
	}
	return false
}

// IsTitle reports whether w, in any case and with or without a final
// period, is a title or honorific of a person: "Mr.", "Professor",
// "Secretary", "Emperor". A mention of a person headed by one names no one
// ("the Secretary", "Mr. Chief Justice", "Madam Speaker", "Emperor of the
// United States", "General" addressed): GUM tags capitalised titles as
// proper nouns, but a title is no name; a place or organization inside it
// ("United States") still is.
func IsTitle(w string) bool {
	// lower-cased in place of strings.ToLower, which allocates: the
	// recognizer asks of every capitalised word
	w = strings.TrimSuffix(w, ".")
	var buf [16]byte
	if len(w) > len(buf) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return titles[string(buf[:len(w)])]
}

var titles = map[string]bool{}

func init() {
	for w := range strings.FieldsSeq(`mr mrs ms miss madam sir dame lord lady dr doctor prof professor
		president vice premier minister secretary chancellor governor mayor senator congressman
		congresswoman representative speaker whip ambassador judge justice chief director chairman
		chairwoman chair dean fellow inspector general gen commander major captain colonel
		lieutenant admiral sergeant emperor empress king queen prince princess tsar tsarevna shah
		sheikh sultan pope bishop reverend saint earl duke duchess marquis count baron protector`) {
		titles[w] = true
	}
}

// nameJoiner lists the words that may stand inside a name between proper
// nouns: "Bank of America", "Trinidad and Tobago", "Ligue des Bibliothèques".
var nameJoiner = map[string]bool{
	"of": true, "the": true, "and": true, "&": true, "for": true, "-": true,
	"de": true, "des": true, "du": true, "la": true, "le": true, "von": true, "van": true,
}

// coordinator lists the joiners that may also join two names into a
// coordination: "Trinidad and Tobago" but "Bart and Pollock".
var coordinator = map[string]bool{"and": true, "&": true}

// mention is a GUM mention being read.
type mention struct {
	grp   string // the entity's number, which closes the mention
	start int
	typ   string // NER type, "" for the types not kept
	ident string // the Wikipedia page it is linked to, "" if none
}

// named is a mention cut down to its name.
type named struct {
	Entity
	linked bool
}

// dropCoordinations returns the entities but those that hold another one
// of the same type and a coordinator outside it, unless linked to
// Wikipedia as a whole ("Newfoundland and Labrador" holds "Labrador").
func dropCoordinations(ns []named, toks []Token) []Entity {
	ents := make([]Entity, 0, len(ns))
next:
	for _, n := range ns {
		e := n.Entity
		for _, in := range ns {
			if n.linked || in.Entity == e || in.Type != e.Type || in.Start < e.Start || in.End > e.End {
				continue
			}
			for i := e.Start; i < e.End; i++ {
				if (i < in.Start || i >= in.End) && coordinator[strings.ToLower(toks[i].Form)] {
					continue next
				}
			}
		}
		ents = append(ents, e)
	}
	return ents
}

func isName(t Token) bool {
	return t.UPOS == "PROPN" || t.XPOS == "NNP" || t.XPOS == "NNPS"
}
