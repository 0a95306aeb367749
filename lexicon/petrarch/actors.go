package petrarch

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"

	"dyad/text"
)

const actorsHeader = `Actors from the Phoenix dictionaries (PETRARCH-2, Open Event Data
Alliance, MIT licence): Phoenix.Countries.actors.txt,
Phoenix.International.actors.txt and Phoenix.MilNonState.actors.txt,
converted by "dyad lexicon import-petrarch". Do not edit: re-run the
import. Our countries.tsv and igos.tsv take precedence over these names.

One actor a line, fields separated by one TAB:
  names  "|"-separated, as the source writes them (upper case), split into
         words as dyad's tokenizer splits them; the first is the primary name
  code   the code when no dated code applies ("-" none)
  dated  "|"-separated "CODE FROM..TO" (ISO dates, both included; an open
         end is left empty), in source order; "---" as a code means none

Two-digit source years are 20YY below 30 and 19YY otherwise. A name is
dropped when an earlier actor has it, when it has no letter, or when it is
one word of one letter; parenthesized parts ("CHINA_(PRC)") are removed.`

// ActorFile is one Phoenix actor file.
type ActorFile struct {
	Name string
	Data []byte
}

type actor struct {
	names []string
	code  string
	dated []string
}

var bracketRE = regexp.MustCompile(`\[[^\]]*\]?`)

// ConvertActors converts Phoenix actor files into actors.tsv, in order.
func ConvertActors(files []ActorFile) ([]byte, int, error) {
	var b strings.Builder
	b.WriteString(header(actorsHeader))
	taken := map[string]bool{} // names written so far, by key
	n := 0
	var errs []error
	for _, f := range files {
		fmt.Fprintf(&b, "\n# %s\n", f.Name)
		var cur *actor
		skipping := false // the current actor's first line was skipped
		emit := func() {
			if cur == nil {
				return
			}
			var names []string
			for _, nm := range cur.names {
				if k := text.Key(nm); !taken[k] {
					taken[k] = true
					names = append(names, nm)
				}
			}
			if len(names) > 0 && (cur.code != "" || len(cur.dated) > 0) {
				fmt.Fprintf(&b, "%s\t%s\t%s\n", strings.Join(names, "|"), dash(cur.code), dash(strings.Join(cur.dated, "|")))
				n++
			}
			cur = nil
		}
		err := lines(f.Name, f.Data, "#;", func(_ int, raw, line string) error {
			cont := raw[0] == ' ' || raw[0] == '\t' || line[0] == '[' || line[0] == '+'
			switch {
			case cont && skipping:
				return nil // its first line's error covers it
			case cont && cur == nil:
				return fmt.Errorf("%q before any actor", line)
			case raw[0] == ' ' || raw[0] == '\t' || line[0] == '[':
				return cur.codes(line)
			case line[0] == '+':
				name, rest, err := actorName(line[1:])
				if err != nil {
					return err
				}
				cur.names = append(cur.names, name)
				return cur.codes(rest)
			}
			emit()
			name, rest, err := actorName(line)
			if skipping = err != nil; skipping {
				return err
			}
			cur = &actor{names: []string{name}}
			return cur.codes(rest)
		})
		emit()
		if err != nil {
			errs = append(errs, err)
		}
	}
	return []byte(b.String()), n, errors.Join(errs...)
}

// actorName reads the phrase at the start of s and returns it as words
// separated by spaces, and the rest of s (its codes).
func actorName(s string) (name, rest string, err error) {
	phrase, rest := s, ""
	if i := strings.IndexByte(s, '['); i >= 0 {
		phrase, rest = s[:i], s[i:]
	}
	phrase = strings.TrimSpace(phrase)
	for {
		i := strings.IndexByte(phrase, '(')
		if i < 0 {
			break
		}
		j := strings.IndexByte(phrase[i:], ')')
		if j < 0 {
			phrase = phrase[:i] // "STANKO_TODOROV (ACTING_"
			break
		}
		phrase = phrase[:i] + " " + phrase[i+j+1:]
	}
	phrase = strings.TrimSpace(strings.ReplaceAll(phrase, "_", " "))
	for _, r := range phrase {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(" .-'&/,", r) {
			return "", "", fmt.Errorf("name %q has the character %q", phrase, r)
		}
	}
	var words []string
	letters := 0
	for _, t := range text.Tokenize(phrase) {
		words = append(words, t.Text)
		for _, r := range t.Text {
			if unicode.IsLetter(r) {
				letters++
			}
		}
	}
	switch {
	case letters == 0:
		return "", "", fmt.Errorf("name %q has no letters", phrase)
	case len(words) == 1 && letters == 1:
		return "", "", fmt.Errorf("name %q is a single letter", phrase)
	case len(words) > 32:
		return "", "", fmt.Errorf("name %q has more than 32 words", phrase)
	}
	return strings.Join(words, " "), rest, nil
}

// codes reads "[CODE]", "[CODE 090120-170120]", "[CODE >20070101]" and
// "[CODE <991231]" groups.
func (a *actor) codes(s string) error {
	for _, m := range bracketRE.FindAllString(s, -1) {
		if !strings.HasSuffix(m, "]") {
			return fmt.Errorf("%q: [ is not closed", m)
		}
		f := strings.Fields(m[1 : len(m)-1])
		if len(f) == 3 && (f[1] == ">" || f[1] == "<") {
			f = []string{f[0], f[1] + f[2]} // "[EGYGOV > 140608]"
		}
		if len(f) == 0 || len(f) > 2 {
			return fmt.Errorf("%q is not [CODE] or [CODE DATES]", m)
		}
		code := f[0]
		if code != "---" && !isActorCode(code) {
			return fmt.Errorf("%q: code %q is not capital letters and digits", m, code)
		}
		if len(f) == 1 {
			if code == "---" {
				code = ""
			}
			a.code = code
			continue
		}
		from, to, err := dateRange(f[1])
		if err != nil {
			return fmt.Errorf("%q: %v", m, err)
		}
		a.dated = append(a.dated, code+" "+from+".."+to)
	}
	if rest := strings.TrimSpace(bracketRE.ReplaceAllString(s, "")); rest != "" {
		return fmt.Errorf("%q after the codes", rest)
	}
	return nil
}

func isActorCode(s string) bool {
	if len(s) < 3 || len(s) > 15 {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// dateRange reads "090120-170120", ">20070101" or "<991231" into ISO
// dates, "" for an open end.
func dateRange(s string) (from, to string, err error) {
	switch {
	case strings.HasPrefix(s, ">"):
		from, err = isoDate(s[1:])
	case strings.HasPrefix(s, "<"):
		to, err = isoDate(s[1:])
	default:
		a, b, ok := strings.Cut(s, "-")
		if !ok {
			return "", "", fmt.Errorf("date %q is not FROM-TO, >FROM or <TO", s)
		}
		if from, err = isoDate(a); err == nil {
			to, err = isoDate(b)
		}
		if err == nil && to < from {
			err = fmt.Errorf("dates %q end before they start", s)
		}
	}
	return from, to, err
}

// isoDate reads YYMMDD or YYYYMMDD.
func isoDate(s string) (string, error) {
	switch len(s) {
	case 6:
		century := "19"
		if s[:2] < "30" {
			century = "20"
		}
		s = century + s
	case 8:
	default:
		return "", fmt.Errorf("date %q is not YYMMDD or YYYYMMDD", s)
	}
	t, err := time.Parse("20060102", s)
	if err != nil {
		return "", fmt.Errorf("date %q is not a valid date", s)
	}
	return t.Format("2006-01-02"), nil
}
