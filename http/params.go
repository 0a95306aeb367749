package http

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"dyad"
)

// Limits on list endpoints.
const (
	defaultLimit = 100
	maxLimit     = 1000
)

// paramError is a bad query parameter: a 400 naming it and the reason.
type paramError struct {
	name, value, want string
}

func (e *paramError) Error() string {
	return fmt.Sprintf("%s %q: want %s", e.name, e.value, e.want)
}

// filter reads the record filters common to the list endpoints: q, actor,
// outlet, since, until and limit; with events also source, target,
// undirected, cameo and quad.
func filter(v url.Values, events bool) (dyad.Filter, error) {
	f := dyad.Filter{
		Query:  strings.TrimSpace(v.Get("q")),
		Actor:  strings.TrimSpace(v.Get("actor")),
		Outlet: strings.TrimSpace(v.Get("outlet")),
		Limit:  defaultLimit,
	}
	var err error
	if f.Since, err = date(v, "since"); err != nil {
		return f, err
	}
	if f.Until, err = date(v, "until"); err != nil {
		return f, err
	}
	if !f.Since.IsZero() && !f.Until.IsZero() && !f.Since.Before(f.Until) {
		return f, &paramError{"until", v.Get("until"), "a date after since " + v.Get("since")}
	}
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxLimit {
			return f, &paramError{"limit", s, fmt.Sprintf("a whole number from 1 to %d", maxLimit)}
		}
		f.Limit = n
	}
	if !events {
		return f, nil
	}
	f.Source = strings.TrimSpace(v.Get("source"))
	f.Target = strings.TrimSpace(v.Get("target"))
	if s := v.Get("undirected"); s != "" {
		if f.Undirected, err = strconv.ParseBool(s); err != nil {
			return f, &paramError{"undirected", s, "true or false"}
		}
	}
	if s := v.Get("cameo"); s != "" {
		if !cameoRE.MatchString(s) {
			return f, &paramError{"cameo", s, "a CAMEO code or prefix of 1 to 4 digits, such as 04 or 042"}
		}
		f.CAMEO = s
	}
	if s := v.Get("quad"); s != "" {
		if f.Quad, err = quad(s); err != nil {
			return f, err
		}
	}
	return f, nil
}

var cameoRE = regexp.MustCompile(`^[0-9]{1,4}$`)

func quad(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 4 {
		return 0, &paramError{"quad", s, "a QuadClass from 1 to 4 (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict)"}
	}
	return n, nil
}

// date reads a date parameter: 2026-01-27 or RFC 3339.
func date(v url.Values, name string) (time.Time, error) {
	s := v.Get(name)
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{time.DateOnly, time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, &paramError{name, s, "a date such as 2026-01-27 or an RFC 3339 time"}
}

// codeRE is one side of a dyad: an actor code such as ISR, ISRGOV, IGOUNO.
var codeRE = regexp.MustCompile(`^[A-Za-z0-9]{2,12}$`)

// parseDyad reads "SRC-TGT", such as ISR-AZE.
func parseDyad(s string) (src, tgt string, err error) {
	src, tgt, ok := strings.Cut(s, "-")
	if !ok || !codeRE.MatchString(src) || !codeRE.MatchString(tgt) {
		return "", "", &paramError{"dyad", s, "SOURCE-TARGET actor codes such as ISR-AZE or ISRGOV-AZEGOV"}
	}
	return strings.ToUpper(src), strings.ToUpper(tgt), nil
}
