package lexicon

import (
	"fmt"
	"strconv"
	"sync"

	"dyad"
)

// CAMEOCode is one code of the CAMEO event ontology.
type CAMEOCode struct {
	Code      string  // "042"
	Name      string  // "Make a visit"
	Quad      int     // QuadClass: 1 verbal cooperation … 4 material conflict
	Goldstein float64 // -10 … +10
}

// codes holds the embedded CAMEO and CAMEO→PLOVER tables, parsed on first
// use. They are package-level because they are fixed by the ontologies,
// not by a user's dictionaries.
var codes = sync.OnceValue(func() *codeTables {
	t, err := loadCodes()
	if err != nil {
		panic("lexicon: embedded data: " + err.Error())
	}
	return t
})

type codeTables struct {
	cameo  map[string]CAMEOCode
	plover map[string]dyad.PLOVER
}

// CAMEO returns the CAMEO code's name, QuadClass and Goldstein value. A
// 4-digit code the table lacks falls back to its 3-digit parent ("0425"
// gives 042's entry, with Code "042"); anything else not in the table
// gives false.
func CAMEO(code string) (CAMEOCode, bool) {
	t := codes()
	if c, ok := t.cameo[code]; ok {
		return c, true
	}
	if len(code) == 4 {
		c, ok := t.cameo[code[:3]]
		return c, ok
	}
	return CAMEOCode{}, false
}

// PLOVER returns the PLOVER type, mode and context of a CAMEO code, from
// the Open Event Data Alliance's CAMEO→PLOVER table (2021). A code the
// table lacks falls back to its parent, then to its root ("0425" → "042"
// → "04"); CAMEO roots 01 and 02 have no PLOVER equivalent and give false.
func PLOVER(code string) (dyad.PLOVER, bool) {
	t := codes()
	for c := code; len(c) >= 2; c = c[:len(c)-1] {
		if p, ok := t.plover[c]; ok {
			return p, true
		}
	}
	return dyad.PLOVER{}, false
}

// IsCAMEO reports whether code is in the CAMEO table itself (no fallback).
func IsCAMEO(code string) bool {
	_, ok := codes().cameo[code]
	return ok
}

func loadCodes() (*codeTables, error) {
	t := &codeTables{cameo: map[string]CAMEOCode{}, plover: map[string]dyad.PLOVER{}}
	err := eachLine("cameo.tsv", func(loc string, f []string) error {
		if len(f) != 4 {
			return fmt.Errorf("%s: %d fields, want code, quad, goldstein, name", loc, len(f))
		}
		c := CAMEOCode{Code: f[0], Name: f[3]}
		if !isCAMEOShape(c.Code) {
			return fmt.Errorf("%s: code %q is not 2 to 4 digits", loc, c.Code)
		}
		var err error
		if c.Quad, err = strconv.Atoi(f[1]); err != nil || c.Quad != quadOf(c.Code) {
			return fmt.Errorf("%s: quad %q is not %d, the QuadClass of root %s", loc, f[1], quadOf(c.Code), c.Code[:2])
		}
		if c.Goldstein, err = strconv.ParseFloat(f[2], 64); err != nil || c.Goldstein < -10 || c.Goldstein > 10 {
			return fmt.Errorf("%s: goldstein %q is not a number from -10 to 10", loc, f[2])
		}
		if _, dup := t.cameo[c.Code]; dup {
			return fmt.Errorf("%s: code %s is listed twice", loc, c.Code)
		}
		t.cameo[c.Code] = c
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine("plover.tsv", func(loc string, f []string) error {
		if len(f) < 2 || len(f) > 4 {
			return fmt.Errorf("%s: %d fields, want cameo, type, mode, context", loc, len(f))
		}
		if _, ok := t.cameo[f[0]]; !ok {
			return fmt.Errorf("%s: %q is not a CAMEO code", loc, f[0])
		}
		t.plover[f[0]] = dyad.PLOVER{Type: f[1], Mode: field(f, 2), Context: field(f, 3)}
		return nil
	})
	return t, err
}

// eachLine calls fn with the fields of every line of an embedded file that
// is neither blank nor a comment; loc is "file:line".
func eachLine(file string, fn func(loc string, f []string) error) error {
	data, err := dataFS.ReadFile("data/" + file)
	if err != nil {
		return err
	}
	return eachData(file, data, fn)
}

// isCAMEOShape reports whether s looks like a CAMEO code: 2 to 4 digits
// with a root from 01 to 20.
func isCAMEOShape(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	r, _ := strconv.Atoi(s[:2])
	return r >= 1 && r <= 20
}

// quadOf returns the QuadClass of a code's root.
func quadOf(code string) int {
	r, _ := strconv.Atoi(code[:2])
	switch {
	case r <= 5:
		return 1
	case r <= 8:
		return 2
	case r <= 13:
		return 3
	}
	return 4
}
