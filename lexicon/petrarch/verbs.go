package petrarch

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"dyad/lexicon"
)

const synsetsHeader = `Synonym sets of the CAMEO verb patterns, converted by
"dyad lexicon import-petrarch" from CAMEO.2.0.txt (PETRARCH-2, Open Event
Data Alliance, MIT licence). Do not edit: re-run the import.

Fields, separated by one TAB: the synset's name ("&food"), then its members
separated by "|", lower case, multiword members with spaces. The source's
"no plural" marks (a trailing "_") are dropped: patterns match nouns in
either number through lexicon.NounKey.`

const verbsHeader = `CAMEO verb patterns, converted by "dyad lexicon import-petrarch" from
CAMEO.2.0.txt (PETRARCH-2, Open Event Data Alliance, MIT licence). Do not
edit: re-run the import.

One item a line, fields separated by one TAB; each verb and pattern line
belongs to the block line above it.

  block    NAME  code
  verb     lemma  code  forms
  pattern  pattern  code

A block is a set of verbs that share patterns. Its code is the event of a
verb alone ("---" none); a verb's own code ("-" none) overrides it. Forms
are every inflected form, "|"-separated: the source's irregular forms in
{…} where it gives them, otherwise the regular ones generated (-s/-es/-ies,
-ed/-d/-ied, -ing with a final e dropped; a final consonant after one vowel
doubled in one-syllable verbs: ban → banned; longer verbs that double,
such as "control", are listed with their forms in the source). A multiword
verb ("+give_notice") has the lemma "give notice" and forms inflecting the
marked word ("gives notice").

A pattern is the words before the verb, "*" for the verb, and the words
after it: {…} is a noun phrase with its head last, (…) a prepositional
phrase (preposition first), &name a synset, $ the source, + the target,
% a compound actor that is both, ^ the rest of a noun phrase. A source
word a/b is written as one pattern per alternative; a_b as {a b}. Codes:
"042" an event, "042:043" an event and its paired event from target to
source, ":173" only the paired event, "---" no event. The source's
transformations (~ lines) are not converted.`

var (
	blockLine = regexp.MustCompile(`^---\s*([^\s\[]+)\s*\[([^\]]*)\]`)
	codeRE    = regexp.MustCompile(`\[([^\]]*)\]`)
)

// ConvertVerbs converts CAMEO.2.0.txt into synsets.tsv and verbs.tsv.
// n holds the number of synsets and of patterns written.
func ConvertVerbs(file string, src []byte) (synsets, verbs []byte, n [2]int, err error) {
	var syn, vb strings.Builder
	syn.WriteString(header(synsetsHeader))
	vb.WriteString(header(verbsHeader))
	known := map[string]bool{}    // synsets defined so far
	lemmas := map[string]string{} // lemma → block
	var (
		synset  string            // synset being read
		members []string          // its members
		block   string            // block being read, "" before the first
		seen    map[string]listed // patterns of the block
	)
	flush := func() {
		if synset != "" {
			fmt.Fprintf(&syn, "%s\t%s\n", synset, strings.Join(members, "|"))
			known[synset] = true
			n[0]++
		}
		synset, members = "", nil
	}
	// TABARI's ";" comments survive on a few verb lines.
	err = lines(file, src, "#;", func(ln int, _, line string) error {
		switch {
		case strings.HasPrefix(line, "---"):
			flush()
			m := blockLine.FindStringSubmatch(line)
			if m == nil {
				return fmt.Errorf("block header %q is not --- NAME [code] ---", line)
			}
			code := strings.TrimSpace(m[2])
			if _, _, err := lexicon.ParseCode(code); err != nil {
				return fmt.Errorf("block %s: %v", m[1], err)
			}
			if code == "" {
				code = "---"
			}
			block, seen = m[1], map[string]listed{}
			fmt.Fprintf(&vb, "\nblock\t%s\t%s\n", block, code)
		case line[0] == '~':
			// A transformation: not converted (see the header).
		case line[0] == '&' && block == "":
			flush()
			synset = synsetName(line)
			if known[synset] {
				return fmt.Errorf("synset %s is defined twice", synset)
			}
			if !isWordish(synset[1:]) {
				synset = ""
				return fmt.Errorf("synset name %q has characters other than letters, digits and _", line)
			}
		case line[0] == '+' && block == "":
			if synset == "" {
				return fmt.Errorf("synset member %q outside a synset", line)
			}
			m := words(line[1:])
			if m == "" || !isWordish(strings.NewReplacer(" ", "_", "/", "_").Replace(m)) {
				return fmt.Errorf("synset member %q has characters other than letters, digits, ' - . / and _", line)
			}
			members = append(members, m)
		case line[0] == '-':
			if block == "" {
				return fmt.Errorf("pattern before the first verb block")
			}
			pats, code, err := convertPattern(line, known)
			if err != nil {
				return err
			}
			for _, p := range pats {
				if prev, ok := seen[p]; ok {
					if prev.code != code {
						return fmt.Errorf("pattern %q [%s] is already listed in block %s at line %d with [%s]", p, code, block, prev.line, prev.code)
					}
					continue // the same pattern and code again
				}
				seen[p] = listed{ln, code}
				fmt.Fprintf(&vb, "pattern\t%s\t%s\n", p, code)
				n[1]++
			}
		default:
			if block == "" {
				return fmt.Errorf("verb %q before the first verb block", line)
			}
			lemma, code, forms, err := convertVerb(line)
			if err != nil {
				return err
			}
			if b, dup := lemmas[lemma]; dup {
				return fmt.Errorf("verb %q is already in block %s", lemma, b)
			}
			lemmas[lemma] = block
			if code == "" {
				code = "-"
			}
			fmt.Fprintf(&vb, "verb\t%s\t%s\t%s\n", lemma, code, strings.Join(forms, "|"))
		}
		return nil
	})
	flush()
	return []byte(syn.String()), []byte(vb.String()), n, err
}

// listed is where a pattern was first listed, and its code.
type listed struct {
	line int
	code string
}

// synsetName normalizes "&FIGHT_OF_WORDS_" to "&fight_of_words".
func synsetName(s string) string {
	return strings.TrimRight(strings.ToLower(strings.Fields(s)[0]), "_")
}

// words turns a source phrase ("IS_TO", "CASH_") into lower-case words
// separated by spaces ("is to", "cash").
func words(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "_", " "))), " ")
}

func isWordish(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || strings.ContainsRune("_'-.", r)) {
			return false
		}
	}
	return true
}

// convertPattern converts a "- … [code] # comment" line into one pattern
// per combination of a/b alternatives, and its code.
func convertPattern(line string, synsets map[string]bool) ([]string, string, error) {
	body := strings.TrimSpace(line[1:])
	m := codeRE.FindStringSubmatchIndex(body)
	if m == nil {
		return nil, "", fmt.Errorf("pattern %q has no [code]", line)
	}
	code := strings.TrimSpace(body[m[2]:m[3]])
	if _, _, err := lexicon.ParseCode(code); err != nil {
		return nil, "", fmt.Errorf("pattern %q: %v", line, err)
	}
	if code == "" {
		code = "---"
	}
	toks := strings.Fields(spaceBrackets(strings.ToLower(body[:m[0]])))
	depth := 0
	for i, t := range toks {
		switch t {
		case "{", "(":
			depth++
		case "}", ")":
			depth--
		default:
			if strings.HasPrefix(t, "&") {
				t = strings.TrimRight(t, "_")
				if !synsets[t] {
					return nil, "", fmt.Errorf("pattern %q: synset %s is not defined before it", line, t)
				}
				toks[i] = t
				continue
			}
			t = strings.Trim(t, "_")
			if strings.Contains(t, "_") {
				t = strings.ReplaceAll(t, "_", " ")
				if depth == 0 {
					t = "{" + t + "}"
				}
			}
			toks[i] = t
		}
	}
	alts, ok := alternatives(toks)
	if !ok {
		return nil, "", fmt.Errorf("pattern %q has more than %d combinations of a/b alternatives", line, maxAlternatives)
	}
	var out []string
	for _, alt := range alts {
		p := render(alt)
		if _, _, err := lexicon.ParsePattern(p); err != nil {
			return nil, "", fmt.Errorf("pattern %q: %v", line, err)
		}
		out = append(out, p)
	}
	return out, code, nil
}

// spaceBrackets puts spaces around braces and parentheses.
func spaceBrackets(s string) string {
	return strings.NewReplacer("{", " { ", "}", " } ", "(", " ( ", ")", " ) ").Replace(s)
}

// maxAlternatives bounds the patterns one source line expands into; the
// source has at most 4.
const maxAlternatives = 64

// alternatives expands tokens with "/" ("to/for") into one token list per
// combination, in order; ok is false when there would be more than
// maxAlternatives.
func alternatives(toks []string) (_ [][]string, ok bool) {
	out := [][]string{nil}
	for _, t := range toks {
		alts := []string{t}
		if strings.Contains(t, "/") && len(t) > 1 {
			alts = strings.FieldsFunc(t, func(r rune) bool { return r == '/' })
		}
		if len(out)*len(alts) > maxAlternatives {
			return nil, false
		}
		var next [][]string
		for _, o := range out {
			for _, a := range alts {
				next = append(next, append(slices.Clip(o), a))
			}
		}
		out = next
	}
	return out, true
}

// render joins pattern tokens with single spaces, none inside brackets.
func render(toks []string) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && toks[i-1] != "{" && toks[i-1] != "(" && t != "}" && t != ")" {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}

// convertVerb converts a verb line: "HURRY {HURRIES HURRYING HURRIED} [020]",
// "+ASK_FOR {+ASKED_FOR …} [020]", "WIRE_+TAP", "+ANGERED_BY {}".
func convertVerb(line string) (lemma, code string, forms []string, err error) {
	rest := line
	if m := codeRE.FindStringSubmatchIndex(rest); m != nil {
		code = strings.TrimSpace(rest[m[2]:m[3]])
		if _, _, err := lexicon.ParseCode(code); err != nil {
			return "", "", nil, fmt.Errorf("verb %q: %v", line, err)
		}
		rest = rest[:m[0]] + rest[m[1]:]
	}
	var given []string
	braced := false
	if i := strings.IndexByte(rest, '{'); i >= 0 {
		j := strings.IndexByte(rest, '}')
		if j < i {
			return "", "", nil, fmt.Errorf("verb %q: { is not closed", line)
		}
		given = strings.FieldsFunc(rest[i+1:j], func(r rune) bool { return r == ',' || unicode.IsSpace(r) })
		braced = true
		rest = rest[:i] + rest[j+1:]
	}
	f := strings.Fields(rest)
	if len(f) != 1 {
		return "", "", nil, fmt.Errorf("verb line %q is not VERB {forms} [code]", line)
	}
	parts, at, err := verbParts(f[0])
	if err != nil {
		return "", "", nil, fmt.Errorf("verb %q: %v", line, err)
	}
	lemma = strings.Join(parts, " ")
	if braced {
		for _, g := range given {
			gp, _, err := verbParts(g)
			if err != nil {
				return "", "", nil, fmt.Errorf("verb %q: form %q: %v", line, g, err)
			}
			if form := strings.Join(gp, " "); form != lemma && !slices.Contains(forms, form) {
				forms = append(forms, form)
			}
		}
		return lemma, code, forms, nil
	}
	for _, r := range RegularForms(parts[at]) {
		p := slices.Clone(parts)
		p[at] = r
		forms = append(forms, strings.Join(p, " "))
	}
	return lemma, code, forms, nil
}

// verbParts splits a source verb ("+GIVE_NOTICE", "WIRE_+TAP") into lower-
// case words and the index of the one marked "+" (0 when none is).
func verbParts(s string) ([]string, int, error) {
	parts := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == '_' })
	at := 0
	marks := 0
	for i, p := range parts {
		if strings.HasPrefix(p, "+") {
			parts[i], at = p[1:], i
			marks++
		}
		if !isWordish(parts[i]) || strings.Trim(parts[i], "'-.") == "" {
			return nil, 0, fmt.Errorf("%q is not a word", parts[i])
		}
	}
	if len(parts) == 0 {
		return nil, 0, fmt.Errorf("no verb")
	}
	if marks > 1 || len(parts) > 1 && marks == 0 {
		return nil, 0, fmt.Errorf("a multiword verb needs exactly one word marked +")
	}
	return parts, at, nil
}

// RegularForms returns the regular inflections of a lower-case English
// verb: third person -s, past -ed and present participle -ing, with the
// spelling rules for e, y and sibilants, and the final consonant of a
// one-syllable verb doubled after a single vowel (ban → banned).
func RegularForms(v string) []string {
	n := len(v)
	if n == 0 {
		return nil
	}
	last := v[n-1]
	switch {
	case last == 'e':
		ing := v[:n-1] + "ing"
		if n >= 2 && strings.ContainsRune("eoy", rune(v[n-2])) {
			ing = v + "ing" // agree → agreeing, hoe, dye
		}
		return []string{v + "s", v + "d", ing}
	case last == 'y' && n >= 2 && !isVowel(v[n-2]):
		return []string{v[:n-1] + "ies", v[:n-1] + "ied", v + "ing"}
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") ||
		last == 'x' || last == 'z':
		return []string{v + "es", v + "ed", v + "ing"}
	}
	if n >= 3 && syllables(v) == 1 && !isVowel(last) && !strings.ContainsRune("wxy", rune(last)) &&
		isVowel(v[n-2]) && !isVowel(v[n-3]) {
		return []string{v + "s", v + string(last) + "ed", v + string(last) + "ing"} // ban → banned
	}
	return []string{v + "s", v + "ed", v + "ing"}
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// syllables counts groups of vowels.
func syllables(v string) int {
	n := 0
	for i := 0; i < len(v); i++ {
		if isVowel(v[i]) && (i == 0 || !isVowel(v[i-1])) {
			n++
		}
	}
	return n
}
