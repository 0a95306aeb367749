package petrarch

import (
	"fmt"
	"regexp"
	"strings"
)

const agentsHeader = `Agents (sector words) from Phoenix.agents.txt (PETRARCH-2, Open Event Data
Alliance, MIT licence), converted by "dyad lexicon import-petrarch". Do not
edit: re-run the import. Loaded after agents.tsv and roles.tsv, which take
precedence: a phrase they already have is skipped.

Format as agents.tsv: canonical phrase, sector, variants ("|"-separated).
The sector is the first three letters of the Phoenix code ("~GOVFRM" →
GOV, "NGO~" → NGO). Variants are the plural: the source's {…} when given
({} none), otherwise the regular plural of the last word; !MARKER!
substitutions take no plural. The source's distinction between "_"
(consecutive words) and " " (words may intervene) is not kept: words are
consecutive.`

var (
	agentLine = regexp.MustCompile(`^([^{\[]+?)\s*(\{[^}]*\})?\s*\[([^\]]*)\]\s*$`)
	markerRE  = regexp.MustCompile(`![A-Z]+!`)
)

// ConvertAgents converts Phoenix.agents.txt into agents-phoenix.tsv.
func ConvertAgents(file string, src []byte) ([]byte, int, error) {
	var b strings.Builder
	b.WriteString(header(agentsHeader))
	markers := map[string][]string{}
	first := map[string]int{}
	n := 0
	err := lines(file, src, "#", func(ln int, _, line string) error {
		if strings.HasPrefix(line, "<!--") {
			return nil // the XML-style title lines of the file
		}
		if m, items, ok := strings.Cut(line, "="); ok && markerRE.MatchString(strings.TrimSpace(m)) {
			var list []string
			for _, it := range strings.Split(items, ",") {
				if it = strings.TrimSpace(it); it != "" {
					list = append(list, it)
				}
			}
			markers[strings.TrimSpace(m)] = list
			return nil
		}
		m := agentLine.FindStringSubmatch(line)
		if m == nil {
			return fmt.Errorf("%q is not PHRASE {plural} [code]", line)
		}
		code := strings.TrimSpace(m[3])
		sector := strings.Trim(code, "~")
		if !strings.Contains(code, "~") || len(sector) < 3 || !isActorCode(sector) {
			return fmt.Errorf("%q: code %q is not ~CODE or CODE~", line, code)
		}
		sector = sector[:3]
		for _, phrase := range substitute(m[1], markers) {
			if strings.Contains(phrase, "!") {
				return fmt.Errorf("%q: marker in %q is not defined", line, phrase)
			}
			canonical := words(phrase)
			if !isWordish(strings.ReplaceAll(canonical, " ", "_")) {
				return fmt.Errorf("%q: phrase %q has characters other than letters, digits, ' - and .", line, canonical)
			}
			if prev, dup := first[canonical]; dup {
				return fmt.Errorf("%q is already listed at line %d", canonical, prev)
			}
			first[canonical] = ln
			var variants []string
			switch {
			case m[2] != "":
				for _, v := range strings.Fields(m[2][1 : len(m[2])-1]) {
					variants = append(variants, words(v))
				}
			case !markerRE.MatchString(m[1]):
				variants = []string{plural(canonical)}
			}
			fmt.Fprintf(&b, "%s\t%s\t%s\n", canonical, sector, dash(strings.Join(variants, "|")))
			n++
		}
		return nil
	})
	return []byte(b.String()), n, err
}

// substitute expands the first !MARKER! of s with each item of its list,
// recursively.
func substitute(s string, markers map[string][]string) []string {
	loc := markerRE.FindStringIndex(s)
	if loc == nil {
		return []string{s}
	}
	items, ok := markers[s[loc[0]:loc[1]]]
	if !ok {
		return []string{s}
	}
	var out []string
	for _, it := range items {
		out = append(out, substitute(s[:loc[0]]+it+s[loc[1]:], markers)...)
	}
	return out
}

// plural makes the regular plural of a phrase's last word: +s, y → ies
// after a consonant, +es after s, sh, ch, x and z.
func plural(phrase string) string {
	i := strings.LastIndexByte(phrase, ' ') + 1
	w := phrase[i:]
	n := len(w)
	switch {
	case n >= 2 && w[n-1] == 'y' && !isVowel(w[n-2]):
		w = w[:n-1] + "ies"
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "ch") ||
		strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z"):
		w += "es"
	default:
		w += "s"
	}
	return phrase[:i] + w
}
