package source

import (
	"strings"
	"time"

	"github.com/araddon/dateparse"
)

// dateLayouts are the formats tried before dateparse's guessing: the ones
// news metadata and people write most.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	time.RFC850,
	time.RFC822Z,
	time.RFC822,
	time.ANSIC,
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	"Monday, January 2, 2006",
	"Monday, 2 January 2006",
	"January 2, 2006 15:04",
	"2 January 2006 15:04",
}

// parseDate parses a publication date. A date without a zone is taken as
// UTC, so that the result does not depend on the machine's time zone. Years
// outside 1000–9999 are refused: they are garbage, and JSON cannot encode
// years past 9999.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range dateLayouts {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return t, plausible(t)
		}
	}
	t, err := guessDate(s)
	return t, err == nil && plausible(t)
}

// guessDate is dateparse, which has panicked on odd input.
func guessDate(s string) (t time.Time, err error) {
	defer catch("dateparse", &err)
	return dateparse.ParseIn(s, time.UTC)
}

func plausible(t time.Time) bool {
	return t.Year() >= 1000 && t.Year() <= 9999
}
