package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"dyad"
)

var months = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8,
	"sep.": 9, "sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

// date is a date found in a sentence, by token range.
type date struct {
	sent, from, to int
	dyad.Date
}

// dateFinder finds dates. Relative ones ("on Monday", "last year") resolve
// against the publication date and are skipped when it is unknown.
type dateFinder struct {
	d   *doc
	pub time.Time
}

func (f *dateFinder) find() []date {
	var out []date
	for si := range f.d.sents {
		s := &f.d.sents[si]
		for i := 0; i < len(s.words); {
			value, n := f.at(s, i)
			if n == 0 {
				i++
				continue
			}
			sp := s.span(i, i+n)
			out = append(out, date{sent: si, from: i, to: i + n,
				Date: dyad.Date{Span: sp, Text: f.d.text[sp.Start:sp.End], Value: value}})
			i += n
		}
	}
	return out
}

// at recognizes a date starting at token i, returning its ISO value and
// length in tokens.
func (f *dateFinder) at(s *sentence, i int) (string, int) {
	w := s.lower(i)
	if day, ok := dayNumber(w); ok { // 26 January [2026]
		if m, ok := months[s.lower(i+1)]; ok {
			if y, ok := year(s.lower(i + 2)); ok {
				return iso(y, m, day), 3
			}
			if !f.pub.IsZero() {
				return iso(f.pub.Year(), m, day), 2
			}
		}
	}
	if m, ok := months[w]; ok && isCapitalized(s.words[i]) {
		j := i + 1
		if day, ok := dayNumber(s.lower(j)); ok { // January 26[,] [2026]
			j++
			k := j
			if s.lower(k) == "," {
				k++
			}
			if y, ok := year(s.lower(k)); ok {
				return iso(y, m, day), k + 1 - i
			}
			if !f.pub.IsZero() {
				return iso(f.pub.Year(), m, day), j - i
			}
			return "", 0
		}
		if y, ok := year(s.lower(j)); ok { // January 2026
			return fmt.Sprintf("%04d-%02d", y, m), 2
		}
		if w == "may" {
			return "", 0 // the verb
		}
	}
	if y, ok := year(w); ok && yearContext(s, i) {
		return strconv.Itoa(y), 1
	}
	if t, err := time.Parse("2006-01-02", s.words[i]); err == nil {
		return t.Format("2006-01-02"), 1
	}
	if f.pub.IsZero() {
		return "", 0
	}
	return f.relative(s, i)
}

// relative resolves "yesterday", "[on|last|next] Monday", "last year",
// "this month", "three years ago" at token i.
func (f *dateFinder) relative(s *sentence, i int) (string, int) {
	p := f.pub
	w := s.lower(i)
	switch w {
	case "today":
		return p.Format("2006-01-02"), 1
	case "yesterday":
		return p.AddDate(0, 0, -1).Format("2006-01-02"), 1
	case "tomorrow":
		return p.AddDate(0, 0, 1).Format("2006-01-02"), 1
	case "last", "this", "next":
		shift := map[string]int{"last": -1, "this": 0, "next": 1}[w]
		switch u := s.lower(i + 1); u {
		case "year":
			return strconv.Itoa(p.Year() + shift), 2
		case "month":
			return p.AddDate(0, shift, 0).Format("2006-01"), 2
		case "week":
			y, wk := p.AddDate(0, 0, 7*shift).ISOWeek()
			return fmt.Sprintf("%04d-W%02d", y, wk), 2
		default:
			if wd, ok := weekdays[u]; ok {
				return weekday(p, wd, shift, false).Format("2006-01-02"), 2
			}
		}
	}
	if wd, ok := weekdays[w]; ok && isCapitalized(s.words[i]) {
		return weekday(p, wd, 0, future(s, i)).Format("2006-01-02"), 1
	}
	if n, err := strconv.Atoi(w); err == nil || numberWords[w] > 0 {
		if err != nil {
			n = numberWords[w]
		}
		if s.lower(i+2) == "ago" {
			switch s.lower(i + 1) {
			case "years", "year":
				return strconv.Itoa(p.Year() - n), 3
			case "months", "month":
				return p.AddDate(0, -n, 0).Format("2006-01"), 3
			case "days", "day":
				return p.AddDate(0, 0, -n).Format("2006-01-02"), 3
			}
		}
	}
	return "", 0
}

var numberWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

// weekday returns the day named wd relative to pub: the latest such day on
// or before pub, or the next one on or after it when the sentence speaks of
// the future; "last" and "next" (shift -1, +1) exclude pub itself.
func weekday(pub time.Time, wd time.Weekday, shift int, future bool) time.Time {
	back := (int(pub.Weekday()) - int(wd) + 7) % 7
	ahead := (int(wd) - int(pub.Weekday()) + 7) % 7
	switch {
	case shift < 0:
		if back == 0 {
			back = 7
		}
		return pub.AddDate(0, 0, -back)
	case shift > 0:
		if ahead == 0 {
			ahead = 7
		}
		return pub.AddDate(0, 0, ahead)
	case future:
		return pub.AddDate(0, 0, ahead)
	}
	return pub.AddDate(0, 0, -back)
}

// future reports whether the clause before token i speaks of the future.
func future(s *sentence, i int) bool {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		switch s.lower(k) {
		case "will", "'ll", "shall", "scheduled", "expected", "plans", "planned", "due":
			return true
		}
	}
	return false
}

// yearContext tells a year from a count: a four-digit number after "in",
// "since", "by", "between", "from", "of", "and", "to" or a month, or before
// a comma or the sentence end.
func yearContext(s *sentence, i int) bool {
	switch s.lower(i - 1) {
	case "in", "since", "by", "between", "from", "of", "and", "to", "until", "till",
		"before", "after", "during", "early", "late", "mid", "-", "–", "(":
		return true
	}
	next := s.lower(i + 1)
	return next == "" || next == "," || next == "." || next == ")" || next == "and"
}

// year parses a plausible year.
func year(w string) (int, bool) {
	if len(w) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(w)
	return y, err == nil && y >= 1900 && y <= 2100
}

// dayNumber parses a day of the month, with an optional ordinal suffix.
func dayNumber(w string) (int, bool) {
	w = strings.TrimRight(w, "stndrh")
	d, err := strconv.Atoi(w)
	return d, err == nil && d >= 1 && d <= 31
}

func iso(y int, m time.Month, d int) string {
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
}
