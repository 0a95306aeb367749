package extract

import (
	"slices"
	"strconv"
	"strings"

	"dyad"
)

var (
	currencySymbols = map[string]string{"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR",
		"eur": "EUR", "£": "GBP", "gbp": "GBP", "¥": "JPY", "₼": "AZN", "azn": "AZN",
		"₪": "ILS", "ils": "ILS", "₹": "INR", "₽": "RUB", "₺": "TRY", "cny": "CNY", "chf": "CHF", "xof": "XOF"}
	currencyWords = map[string]string{"dollars": "USD", "dollar": "USD", "euros": "EUR",
		"euro": "EUR", "pounds": "GBP", "manat": "AZN", "manats": "AZN", "shekels": "ILS",
		"shekel": "ILS", "rubles": "RUB", "roubles": "RUB", "yuan": "CNY", "renminbi": "CNY",
		"yen": "JPY", "rupees": "INR", "lira": "TRY", "liras": "TRY", "rials": "IRR",
		"riyals": "SAR", "dirhams": "AED", "tenge": "KZT", "hryvnias": "UAH", "francs": "CHF"}
	scales = map[string]float64{"thousand": 1e3, "million": 1e6, "millions": 1e6, "mn": 1e6,
		"m": 1e6, "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
	// qualifiers, longest first, as they stand before a figure.
	qualifiers = [][]string{{"more", "than"}, {"less", "than"}, {"fewer", "than"},
		{"at", "least"}, {"at", "most"}, {"up", "to"}, {"close", "to"}, {"just", "over"},
		{"just", "under"}, {"an", "estimated"}, {"as", "many", "as"}, {"as", "much", "as"},
		{"over"}, {"nearly"}, {"almost"}, {"about"}, {"around"}, {"approximately"},
		{"roughly"}, {"some"}, {"under"}, {"above"}, {"below"}, {"exceeding"}, {"only"}}
	// measures are what money and shares measure when the figure names no
	// noun: "Trade ... reached $360 million".
	measures = set("trade", "exports", "imports", "investment", "investments", "aid",
		"budget", "deal", "loan", "loans", "revenue", "revenues", "gdp", "sales", "turnover",
		"assistance", "funding", "contract", "spending", "debt", "tariffs", "tariff", "prices",
		"growth", "inflation", "unemployment", "output", "production", "exchange", "grant",
		"fund", "package", "value", "volume", "stake", "share", "bill", "cost", "costs")
	// durations are counts of time, which are not figures worth keeping.
	durations = set("years", "year", "months", "month", "weeks", "week", "days", "day",
		"hours", "hour", "minutes", "decades", "centuries", "times", "percentage")
	// countable nouns that do not end in -s.
	countNouns = set("people", "personnel", "staff", "children", "police", "cattle",
		"livestock", "aircraft", "equipment", "tons", "tonnes")
)

// figureFinder finds money, percentages and counts.
type figureFinder struct {
	d     *doc
	r     *resolver
	dates []date
}

func (f *figureFinder) find() []dyad.Figure {
	var out []dyad.Figure
	for si := range f.d.sents {
		s := &f.d.sents[si]
		var found []dyad.Figure
		for i := 0; i < len(s.words); i++ {
			if fig, to, ok := f.at(si, i); ok {
				found = append(found, fig)
				i = to - 1
			}
		}
		for k := range found {
			next := s.End
			if k+1 < len(found) {
				next = found[k+1].Start
			}
			found[k].Period = f.period(si, found[k].Span, next)
		}
		out = append(out, found...)
	}
	return out
}

// at recognizes a figure whose number is token i (or whose currency
// symbol is), returning it and the token after it.
func (f *figureFinder) at(si, i int) (dyad.Figure, int, bool) {
	s := &f.d.sents[si]
	from := i
	unit := currencySymbols[s.lower(i)]
	if unit != "" {
		i++
	}
	if i >= len(s.words) || !isNumber(s.words[i]) || f.isDate(si, i) {
		return dyad.Figure{}, 0, false
	}
	value, err := strconv.ParseFloat(strings.ReplaceAll(s.words[i], ",", ""), 64)
	if err != nil {
		return dyad.Figure{}, 0, false
	}
	j := i + 1
	if sc, ok := scales[s.lower(j)]; ok && (unit != "" || len(s.lower(j)) > 2) {
		value *= sc
		j++
	}
	var fig dyad.Figure
	switch w := s.lower(j); {
	case unit != "":
	case w == "cfa" && strings.HasPrefix(s.lower(j+1), "franc"):
		unit = "XOF" // the West African CFA franc; Central Africa's (XAF) is rarer in news
		j += 2
	case currencyWords[w] != "":
		unit = currencyWords[w]
		j++
		if w == "dollars" && s.lower(j-2) == "us" {
			unit = "USD"
		}
	case w == "%" || w == "percent" || w == "pct":
		unit = "%"
		j++
	case w == "per" && s.lower(j+1) == "cent":
		unit = "%"
		j += 2
	default:
		noun := countNoun(s, j)
		if noun < 0 {
			return dyad.Figure{}, 0, false
		}
		unit = s.lower(noun)
		fig.Quantity = strings.ToLower(f.d.text[s.toks[j].Start:s.toks[noun].End])
		j = noun + 1
	}
	if unit == "%" || currencyCodes[unit] {
		fig.Quantity = f.measured(s, from, j)
	}
	fig.Qualifier, from = qualifier(s, from)
	sp := s.span(from, j)
	fig.Span, fig.Text, fig.Value, fig.Unit = sp, f.d.text[sp.Start:sp.End], value, unit
	fig.Actors = f.actors(si, s.head(from, j))
	return fig, j, true
}

// currencyCodes are the units that make a figure money.
var currencyCodes = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range currencySymbols {
		m[c] = true
	}
	for _, c := range currencyWords {
		m[c] = true
	}
	return m
}()

// countNoun finds the counted noun after a number ending at token j-1:
// the plural noun the number modifies, at most two words on ("20 weekly
// flights", "60,000 Israeli tourists", "two million people"). Durations
// are not counted. It returns -1 when there is none.
func countNoun(s *sentence, j int) int {
	h := s.heads[j-1] - 1
	if s.rels[j-1] != "nummod" || h < j || h > j+2 || durations[s.lower(h)] {
		return -1
	}
	if s.xpos[h] == "NNS" || countNouns[s.lower(h)] {
		return h
	}
	return -1
}

// measured finds what money or a percentage measures: the noun after it
// ("10 percent stake", "percent of exports"), else the nearest measure noun
// before it in the sentence ("Trade ... rose by nearly 50 percent").
func (f *figureFinder) measured(s *sentence, from, to int) string {
	w := s.lower(to)
	if w == "of" {
		w = s.lower(to + 1)
	}
	if measures[w] {
		return w
	}
	for k := from - 1; k >= 0; k-- {
		if measures[s.lower(k)] {
			return s.lower(k)
		}
	}
	for k := to; k < len(s.words); k++ {
		if measures[s.lower(k)] {
			return s.lower(k)
		}
	}
	return ""
}

// qualifier returns the hedge before token from ("over", "nearly", "more
// than") and the new start of the figure.
func qualifier(s *sentence, from int) (string, int) {
	for _, q := range qualifiers {
		k := from - len(q)
		if k < 0 {
			continue
		}
		match := true
		for n, w := range q {
			if s.lower(k+n) != w {
				match = false
				break
			}
		}
		if match {
			return strings.Join(q, " "), k
		}
	}
	return "", from
}

// isDate reports whether token i of sentence si is part of a date.
func (f *figureFinder) isDate(si, i int) bool {
	for _, d := range f.dates {
		if d.sent == si && i >= d.from && i < d.to {
			return true
		}
	}
	return false
}

// period is the date a figure refers to: the first date after it in the
// sentence before the next figure ("$360 million last year"), a range
// "between 2024 and 2025", else the nearest date before it.
func (f *figureFinder) period(si int, sp dyad.Span, next int) string {
	var after, before []date
	for _, d := range f.dates {
		if d.sent != si {
			continue
		}
		if d.Start >= sp.End && d.Start < next {
			after = append(after, d)
		} else if d.End <= sp.Start {
			before = append(before, d)
		}
	}
	if len(after) > 0 {
		s := &f.d.sents[si]
		if len(after) > 1 && (s.lower(after[0].from-1) == "between" || s.lower(after[0].from-1) == "from") {
			return after[0].Value + "/" + after[1].Value
		}
		return after[0].Value
	}
	if len(before) > 0 {
		return before[len(before)-1].Value
	}
	return ""
}

// actors are the states a figure at token k of sentence si is about: those
// named in its clause (in the sentence, if its clause names none), and the
// article's two main states when the sentence says "the two countries" or
// "bilateral".
func (f *figureFinder) actors(si, k int) []string {
	var codes []string
	addCode := func(c string) {
		if c != "" && !slices.Contains(codes, c) {
			codes = append(codes, c)
		}
	}
	s := &f.d.sents[si]
	clause := s.clause(k)
	inClause := func(m mention) bool { return s.clause(m.from) == clause }
	if !slices.ContainsFunc(f.r.mentions, func(m mention) bool { return m.sent == si && inClause(m) }) {
		inClause = func(mention) bool { return true }
	}
	for _, m := range f.r.mentions {
		if m.sent != si || !inClause(m) {
			continue
		}
		if a := f.r.actors[m.Actor]; a != nil {
			if a.Country != "" {
				addCode(a.Country)
			} else {
				addCode(a.Code)
			}
		}
	}
	for i := range s.words {
		w := s.lower(i)
		if w == "bilateral" || (w == "two" || w == "both") && dyadNouns[s.lower(i+1)] {
			for _, c := range f.r.dyadCountries() {
				addCode(c)
			}
			break
		}
	}
	return codes
}

var dyadNouns = set("countries", "nations", "states", "sides", "governments", "neighbours", "neighbors", "partners")
