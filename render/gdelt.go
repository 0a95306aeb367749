package render

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"dyad"
)

// GDELTColumns are the 61 columns of the GDELT 2.0 event table, in the
// order of its codebook. GDELT files have no header row; this list names
// the positions.
var GDELTColumns = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
	"GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// gdeltCol is the position of each GDELT column.
var gdeltCol = func() map[string]int {
	m := make(map[string]int, len(GDELTColumns))
	for i, c := range GDELTColumns {
		m[c] = i
	}
	return m
}()

// GDELT prints events as GDELT 2.0 event rows: tab-separated, no header,
// one row per stored event. What dyad knows fills these columns; the rest stay empty:
//
//	GLOBALEVENTID      first 60 bits of SHA-256(article ID, event key), as a decimal integer
//	SQLDATE …          the event's date (else the article's publication date):
//	                   YYYYMMDD, YYYYMM, YYYY, and YYYY + (30·MM + DD)/365 as GDELT computes it
//	Actor1Code …       source code, name, country (CountryCode) and sector (Type1Code)
//	Actor2Code …       the same for the target
//	EventCode          CAMEO code; EventBaseCode its first 3 digits, EventRootCode its root
//	QuadClass, GoldsteinScale  as coded
//	NumMentions        mentions of the event in its article; NumSources and NumArticles 1
//	ActionGeo_FullName the event's location as written
//	SOURCEURL          the article's URL
//
// dyad has no known-group, ethnic or religion codes, no geocoding, no
// per-event tone and no root-event flag, so those columns are empty, as is
// DATEADDED (the store does not keep when an article was added).
// Tabs and newlines inside fields become spaces.
func GDELT(w io.Writer, events []dyad.EventRecord) error {
	row := make([]string, len(GDELTColumns))
	for _, e := range events {
		clear(row)
		set := func(col, v string) { row[gdeltCol[col]] = v }
		set("GLOBALEVENTID", strconv.FormatUint(eventID(e), 10))
		if d, ok := eventDate(e); ok {
			set("SQLDATE", d.Format("20060102"))
			set("MonthYear", d.Format("200601"))
			set("Year", d.Format("2006"))
			frac := float64(d.Year()) + float64(30*int(d.Month())+d.Day())/365
			set("FractionDate", strconv.FormatFloat(frac, 'f', 4, 64))
		}
		for _, a := range []struct {
			prefix string
			actor  dyad.EventActor
		}{{"Actor1", e.Event.Source}, {"Actor2", e.Target}} {
			set(a.prefix+"Code", a.actor.Code)
			set(a.prefix+"Name", a.actor.Name)
			set(a.prefix+"CountryCode", a.actor.Country)
			set(a.prefix+"Type1Code", a.actor.Sector)
		}
		set("EventCode", e.CAMEO)
		set("EventBaseCode", e.CAMEO[:min(3, len(e.CAMEO))])
		set("EventRootCode", e.Root)
		if e.Quad != 0 {
			set("QuadClass", strconv.Itoa(e.Quad))
		}
		set("GoldsteinScale", strconv.FormatFloat(e.Goldstein, 'f', -1, 64))
		set("NumMentions", strconv.Itoa(max(e.Mentions, 1)))
		set("NumSources", "1")
		set("NumArticles", "1")
		set("ActionGeo_FullName", e.Location)
		set("SOURCEURL", e.URL)
		for i, v := range row {
			row[i] = strings.Map(noTabs, v)
		}
		if _, err := fmt.Fprintln(w, strings.Join(row, "\t")); err != nil {
			return err
		}
	}
	return nil
}

func noTabs(r rune) rune {
	if r == '\t' || r == '\n' || r == '\r' {
		return ' '
	}
	return r
}

// eventID is a stable numeric ID for a stored event: GDELT's is an integer.
func eventID(e dyad.EventRecord) uint64 {
	sum := sha256.Sum256([]byte(e.ArticleID + "|" + e.Key()))
	return binary.BigEndian.Uint64(sum[:8]) >> 4
}

// eventDate is the event's day, else its article's publication day.
func eventDate(e dyad.EventRecord) (time.Time, bool) {
	if d, err := time.Parse("2006-01-02", e.Date); err == nil {
		return d, true
	}
	if !e.Published.IsZero() {
		return e.Published.UTC(), true
	}
	return time.Time{}, false
}
