package lexicon

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"
	"unicode"

	"dyad/text"
)

// DatedCode is a code an actor held for a time: "USAGOV" from 2009-01-20
// to 2017-01-20. A zero From or To is an open end; both ends are
// included. An empty Code means no code in that time.
type DatedCode struct {
	Code     string
	From, To time.Time
}

// CodeOn returns the code of e valid at t: the first dated code whose
// dates hold t, else the undated code (Code); "" if none applies. With a
// zero t only the undated code is returned.
func (e Entry) CodeOn(t time.Time) string {
	if !t.IsZero() {
		for _, d := range e.Dated() {
			if (d.From.IsZero() || !t.Before(d.From)) && (d.To.IsZero() || !t.After(d.To)) {
				return d.Code
			}
		}
	}
	return e.Code
}

// Dated returns the dated codes of a Known entry, in source order; nil
// for other entries. The slice is shared and must not be changed.
func (e Entry) Dated() []DatedCode {
	if e.dated == nil {
		return nil
	}
	return *e.dated
}

// joiners are the words of a Known name that need not be capitalized in
// the text ("Organization of the Islamic Conference", "Osama bin Laden",
// "the Clinton administration").
var joiners = map[string]bool{
	"administration": true, "government": true,
	"of": true, "the": true, "and": true, "for": true, "in": true, "on": true, "de": true, "del": true,
	"da": true, "do": true, "dos": true, "du": true, "des": true, "la": true, "le": true, "al": true,
	"el": true, "bin": true, "ibn": true, "bint": true, "van": true, "von": true, "der": true, "y": true, "e": true,
	"s": true,
}

// loadKnown reads actors.tsv (format in its header) into the known
// table. It is the largest table, so the
// loop avoids per-line allocations where it can: phrases, entries and
// keys come from slabs, and repeated words share one key string. Errors
// name the file as name.
func loadKnown(t *table, name string, data []byte) error {
	lines := strings.Split(string(data), "\n")
	ents := make([]Entry, 0, len(lines))
	phrases := make([]phrase, 0, len(lines)+len(lines)/2)
	keySlab := make([]string, 0, 6*len(lines)) // keys and forms
	intern := make(map[string]string, len(lines))
	first := make(map[string][]*phrase, len(lines))
	for i, line := range lines {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return fmt.Errorf("%s:%d: %d fields, want names, code, dated codes", name, i+1, len(f))
		}
		code := f[1]
		if code == "-" {
			code = ""
		}
		ents = append(ents, Entry{Kind: Known, Code: code})
		e := &ents[len(ents)-1]
		if f[2] != "-" {
			var dated []DatedCode
			for _, d := range strings.Split(f[2], "|") {
				dc, err := parseDated(d)
				if err != nil {
					return fmt.Errorf("%s:%d: %w", name, i+1, err)
				}
				dated = append(dated, dc)
			}
			e.dated = &dated
		}
		for name := range strings.SplitSeq(f[0], "|") {
			if e.Name == "" {
				e.Name = name
			}
			n := strings.Count(name, " ") + 1
			if name == "" || n > maxWords || strings.Contains(name, "  ") || name[0] == ' ' || name[len(name)-1] == ' ' {
				return fmt.Errorf("%s:%d: name %q is not 1 to %d words separated by single spaces", name, i+1, name, maxWords)
			}
			if cap(keySlab)-len(keySlab) < 2*n {
				keySlab = make([]string, 0, 4096)
			}
			keys := keySlab[len(keySlab) : len(keySlab)+n : len(keySlab)+n]
			forms := keySlab[len(keySlab)+n : len(keySlab)+2*n : len(keySlab)+2*n]
			keySlab = keySlab[:len(keySlab)+2*n]
			j := 0
			for w := range strings.SplitSeq(name, " ") {
				forms[j] = w
				j++
			}
			if len(phrases) == cap(phrases) {
				phrases = make([]phrase, 0, 1024)
			}
			phrases = append(phrases, phrase{forms: forms, ent: e, keys: keys, capAt: -1})
			p := &phrases[len(phrases)-1]
			for j, w := range forms {
				var buf [64]byte
				k, ok := foldFast(buf[:0], w)
				key, seen := intern[string(k)]
				switch {
				case !ok:
					key = text.Key(w)
				case !seen:
					key = string(k)
					intern[key] = key
				}
				keys[j] = key
				if !joiners[key] && strings.IndexFunc(w, unicode.IsLetter) >= 0 {
					p.caps |= 1 << j
				}
			}
			if n == 1 && len(keys[0]) <= 4 {
				p.acro = 1 // "US", "PKK": see MatchKnown
			}
			if keys[0] != "" {
				first[keys[0]] = append(first[keys[0]], p)
			}
		}
	}
	for _, c := range first {
		slices.SortStableFunc(c, func(a, b *phrase) int { return len(b.keys) - len(a.keys) })
	}
	t.first = first
	return nil
}

// AddActors reads a file of actors in the format of actors.tsv (names,
// code, dated codes; see its header) whose entries take precedence over
// the embedded ones: users add the actors the dictionaries lack and
// correct those they have wrong or out of date. Names in the file match as
// Known names do. An error names the file and line and the reason.
func (l *Lexicon) AddActors(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var t table
	if err := loadKnown(&t, path, bytes.TrimPrefix(data, []byte("\uFEFF"))); err != nil {
		return err
	}
	l.user = append(l.user, &t)
	l.addSums(sum("user actors", data))
	return nil
}

// parseDated reads "USAGOV 2009-01-20..2017-01-20" (either date may be
// empty; "---" is no code).
func parseDated(s string) (DatedCode, error) {
	code, dates, ok := strings.Cut(s, " ")
	from, to, ok2 := strings.Cut(dates, "..")
	if !ok || !ok2 {
		return DatedCode{}, fmt.Errorf("dated code %q is not CODE FROM..TO", s)
	}
	var d DatedCode
	if code != "---" {
		d.Code = code
	}
	var err error
	if d.From, err = isoDate(from); err == nil {
		d.To, err = isoDate(to)
	}
	if err != nil {
		return DatedCode{}, fmt.Errorf("dated code %q: %w", s, err)
	}
	return d, nil
}

// isoDate reads YYYY-MM-DD, "" as the zero time. It is time.Parse for
// this one layout, several times faster on the thousands of dates in
// actors.tsv.
func isoDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	num := func(a, b int) int {
		n := 0
		for i := a; i < b; i++ {
			if s[i] < '0' || s[i] > '9' {
				return -1
			}
			n = n*10 + int(s[i]-'0')
		}
		return n
	}
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, m, d := num(0, 4), num(5, 7), num(8, 10)
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if y >= 0 && m >= 1 && d >= 1 && t.Day() == d && int(t.Month()) == m {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date YYYY-MM-DD", s)
}

// foldKey is text.Key, without allocating twice for ASCII words.
func foldKey(w string) string {
	var buf [64]byte
	if k, ok := foldFast(buf[:0], w); ok {
		return string(k)
	}
	return text.Key(w)
}
