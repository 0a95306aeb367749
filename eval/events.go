package eval

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"dyad"
)

// Event scoring.
//
// A gold record is a text and the events coded from it (none for a text
// that reports no event). The system codes each text; its events are
// compared with the gold ones as sets of triples per record:
//
//   - PLOVER: (source country, target country, PLOVER type). A compound
//     gold source or target ("the United States and Jordan") gives one
//     triple per pair. Actors the gold's markup tags SRC/TAR ("(SRC/TAR:
//     Jordan) and (SRC/TAR: Britain) have agreed …") act on each other:
//     the file lists them as sources with no target, and their triples
//     are the ordered pairs (JOR, GBR) and (GBR, JOR), as a CAMEO coder
//     writes a mutual act. The gold's PLOVER 0.5 names are mapped to current
//     ones: DEMAND→REQUEST, DISAPPROVE→ACCUSE, FIGHT→ASSAULT,
//     INVESTIGATE→ACCUSE; its country codes that are no ISO 3166 codes
//     to the ISO ones (JAP→JPN, ITL→ITA, VTN→VNM); DOCUMENT records (file
//     documentation) are skipped.
//   - PETRARCH-2: (source country, target country, CAMEO root). Full
//     compares the full actor codes instead (ISRGOV ≠ ISR), which is
//     stricter than the gold's own coder could be asked to be on
//     sector codes.
//
// The country of a code is its first three letters: the ISO 3166-1 code of
// a state actor (ISRGOV → ISR), or the kind of a non-state one (IGOUNO →
// IGO, the PLOVER gold's own code for IGOs; "---" for an unknown
// country). An absent target is the empty code on both sides.
//
// An event with no type in the gold's scheme is not scored: PLOVER has
// no type for public statements and appeals (CAMEO 01, 02), which a
// PLOVER coder would not report.
//
// TypeAccuracy is the share of gold events whose type the system found
// among its events for the same text, whatever their actors. Precision,
// recall and F1 are micro-averaged over all triples.

// Schemes of gold event data.
const (
	SchemePLOVER = "plover" // types are PLOVER types
	SchemeCAMEO  = "cameo"  // types are CAMEO roots ("04")
)

// GoldEvents is a gold set of coded texts.
type GoldEvents struct {
	Scheme  string
	Records []GoldRecord
	Skipped map[string]int // records not scored, by reason
	Mapped  map[string]int // gold type names mapped, "DEMAND→REQUEST": count
}

// GoldRecord is one text and its gold events.
type GoldRecord struct {
	ID     string
	Text   string
	Date   time.Time // zero if unknown
	Events []GoldEvent
}

// GoldEvent is one gold coding; several sources or targets are a compound
// actor.
type GoldEvent struct {
	Sources, Targets []string // actor codes
	Type             string   // PLOVER type or CAMEO root
	Mutual           bool     // the sources act on each other (no Targets)
}

// Events are the scores of an event coder on a gold set.
type Events struct {
	Scheme       string         `json:"scheme"`
	Records      int            `json:"records"`
	TypeAccuracy float64        `json:"type_accuracy"`
	PRF                         // over (source country, target country, type) triples
	Full         *PRF           `json:"full,omitempty"` // over full actor codes (CAMEO scheme)
	Skipped      map[string]int `json:"skipped,omitempty"`
	Mapped       map[string]int `json:"mapped,omitempty"`
}

// CodeFunc codes the events of one text published at date (zero if
// unknown).
type CodeFunc func(text string, date time.Time) ([]dyad.Event, error)

// EvaluateEvents codes every gold text and scores the events.
func EvaluateEvents(gold GoldEvents, code CodeFunc) (Events, error) {
	out := Events{Scheme: gold.Scheme, Records: len(gold.Records), Skipped: gold.Skipped, Mapped: gold.Mapped}
	var typeHits, typeGold int
	var country, full counts
	for _, r := range gold.Records {
		evs, err := code(r.Text, r.Date)
		if err != nil {
			return out, fmt.Errorf("record %s: %w", r.ID, err)
		}
		types := map[string]bool{}
		for _, e := range evs {
			types[systemType(gold.Scheme, e)] = true
		}
		for _, g := range r.Events {
			typeGold++
			if types[g.Type] {
				typeHits++
			}
		}
		country.add(goldTriples(r.Events, countryOf), systemTriples(gold.Scheme, evs, countryOf))
		full.add(goldTriples(r.Events, strings.ToUpper), systemTriples(gold.Scheme, evs, strings.ToUpper))
	}
	out.TypeAccuracy = ratio(typeHits, typeGold)
	out.PRF = country.prf()
	if gold.Scheme == SchemeCAMEO {
		f := full.prf()
		out.Full = &f
	}
	return out, nil
}

// counts accumulates triple counts over records.
type counts struct{ gold, pred, correct int }

func (c *counts) add(gold, pred map[string]bool) {
	c.gold += len(gold)
	c.pred += len(pred)
	for t := range pred {
		if gold[t] {
			c.correct++
		}
	}
}

func (c counts) prf() PRF { return NewPRF(c.gold, c.pred, c.correct) }

// countryOf is the country of an actor code, as the package comment
// defines it.
func countryOf(code string) string {
	code = strings.ToUpper(code)
	return code[:min(3, len(code))]
}

func triple(src, tgt, typ string) string { return src + "|" + tgt + "|" + typ }

func goldTriples(events []GoldEvent, actor func(string) string) map[string]bool {
	out := map[string]bool{}
	for _, g := range events {
		if g.Mutual {
			for i, s := range g.Sources {
				for j, t := range g.Sources {
					if i != j {
						out[triple(actor(s), actor(t), g.Type)] = true
					}
				}
			}
			continue
		}
		srcs, tgts := orEmpty(g.Sources), orEmpty(g.Targets)
		for _, s := range srcs {
			for _, t := range tgts {
				out[triple(actor(s), actor(t), g.Type)] = true
			}
		}
	}
	return out
}

func orEmpty(codes []string) []string {
	if len(codes) == 0 {
		return []string{""}
	}
	return codes
}

func systemTriples(scheme string, events []dyad.Event, actor func(string) string) map[string]bool {
	out := map[string]bool{}
	for _, e := range events {
		if typ := systemType(scheme, e); typ != "" {
			out[triple(actor(e.Source.Code), actor(e.Target.Code), typ)] = true
		}
	}
	return out
}

// systemType is an event's type in the gold's scheme.
func systemType(scheme string, e dyad.Event) string {
	if scheme == SchemeCAMEO {
		if e.Root != "" {
			return e.Root
		}
		return e.CAMEO[:min(2, len(e.CAMEO))]
	}
	return ploverType(e.PLOVER.Type)
}

// ploverRenames maps PLOVER 0.5 type names to current ones.
var ploverRenames = map[string]string{
	"DEMAND":      "REQUEST",
	"DISAPPROVE":  "ACCUSE",
	"FIGHT":       "ASSAULT",
	"INVESTIGATE": "ACCUSE",
}

func ploverType(t string) string {
	t = strings.ToUpper(t)
	if n, ok := ploverRenames[t]; ok {
		return n
	}
	return t
}

// String reports the scores for people, saying what was skipped and
// mapped.
func (e Events) String() string {
	var b strings.Builder
	typ := "PLOVER type"
	if e.Scheme == SchemeCAMEO {
		typ = "CAMEO root"
	}
	fmt.Fprintf(&b, "records        %d\n", e.Records)
	for _, k := range slices.Sorted(maps.Keys(e.Skipped)) {
		fmt.Fprintf(&b, "  skipped      %d %s\n", e.Skipped[k], k)
	}
	for _, k := range slices.Sorted(maps.Keys(e.Mapped)) {
		why := "PLOVER 0.5 name"
		if from, _, _ := strings.Cut(k, "→"); ploverCountries[from[:min(3, len(from))]] != "" {
			why = "not an ISO 3166 code"
		}
		fmt.Fprintf(&b, "  mapped       %d %s (%s)\n", e.Mapped[k], k, why)
	}
	fmt.Fprintf(&b, "type_accuracy  %6.2f %%  gold events whose %s the system found for the text\n", 100*e.TypeAccuracy, typ)
	fmt.Fprintf(&b, "triples        %s  (source country, target country, %s)\n", prfLine(e.PRF), typ)
	if e.Full != nil {
		fmt.Fprintf(&b, "full codes     %s  (source code, target code, %s)\n", prfLine(*e.Full), typ)
	}
	return b.String()
}

func prfLine(s PRF) string {
	return fmt.Sprintf("P %6.2f  R %6.2f  F1 %6.2f  (gold %d, predicted %d, correct %d)",
		100*s.Precision, 100*s.Recall, 100*s.F1, s.Gold, s.Pred, s.Correct)
}

// ploverRecord is a record of the PLOVER gold file.
type ploverRecord struct {
	ID     string          `json:"id"`
	Event  string          `json:"event"`
	Text   string          `json:"text"`
	Date   string          `json:"date"`
	Source json.RawMessage `json:"source"`
	Target json.RawMessage `json:"target"`
	Info   struct {
		Markup string `json:"markup"`
	} `json:"textInfo"`
}

// ReadPLOVER reads PLOVER gold records: a JSON array of records with id,
// event (a PLOVER 0.5 type), text, date and source and target lists of
// {actorText, code} (or "" or null for none), and the annotator's markup
// in textInfo, where SRC/TAR marks mutual actors. name names the input in
// errors.
func ReadPLOVER(r io.Reader, name string) (GoldEvents, error) {
	g := GoldEvents{Scheme: SchemePLOVER, Skipped: map[string]int{}, Mapped: map[string]int{}}
	var recs []ploverRecord
	if err := json.NewDecoder(r).Decode(&recs); err != nil {
		return g, fmt.Errorf("%s: not a JSON array of PLOVER records: %w", name, err)
	}
	for i, rec := range recs {
		if rec.Event == "DOCUMENT" {
			g.Skipped["DOCUMENT (file documentation)"]++
			continue
		}
		if rec.Event == "" || strings.TrimSpace(rec.Text) == "" {
			return g, fmt.Errorf("%s: record %d (%s): no event or no text", name, i, rec.ID)
		}
		src, err := ploverActors(rec.Source)
		if err != nil {
			return g, fmt.Errorf("%s: record %d (%s): source: %w", name, i, rec.ID, err)
		}
		tgt, err := ploverActors(rec.Target)
		if err != nil {
			return g, fmt.Errorf("%s: record %d (%s): target: %w", name, i, rec.ID, err)
		}
		for _, codes := range [][]string{src, tgt} {
			for i, c := range codes {
				if iso, ok := ploverCountries[c[:min(3, len(c))]]; ok {
					codes[i] = iso + c[3:]
					g.Mapped[c+"→"+codes[i]]++
				}
			}
		}
		typ := ploverType(rec.Event)
		if typ != strings.ToUpper(rec.Event) {
			g.Mapped[rec.Event+"→"+typ]++
		}
		date, _ := time.Parse("2006-01-02", rec.Date) // an unknown date stays zero
		mutual := len(src) > 1 && len(tgt) == 0 && strings.Contains(rec.Info.Markup, "SRC/TAR:")
		g.Records = append(g.Records, GoldRecord{ID: rec.ID, Text: rec.Text, Date: date,
			Events: []GoldEvent{{Sources: src, Targets: tgt, Type: typ, Mutual: mutual}}})
	}
	if len(g.Records) == 0 {
		return g, fmt.Errorf("%s: no PLOVER records", name)
	}
	return g, nil
}

// ploverCountries maps the country codes of the PLOVER gold that are not
// ISO 3166-1 (CAMEO's country codes, and the coder's) to the ISO code of
// the state they stand for.
var ploverCountries = map[string]string{"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

// ploverActors reads a source or target: a list of {actorText, code}, or
// "" or null for none.
func ploverActors(raw json.RawMessage) ([]string, error) {
	s := strings.TrimSpace(string(raw))
	if s == "" || s == "null" || s == `""` {
		return nil, nil
	}
	var actors []struct {
		Code string `json:"code"`
	}
	if err := json.Unmarshal(raw, &actors); err != nil {
		return nil, fmt.Errorf("want a list of {actorText, code}: %w", err)
	}
	var codes []string
	for i, a := range actors {
		if a.Code == "" {
			return nil, fmt.Errorf("actor %d has no code", i)
		}
		codes = append(codes, a.Code)
	}
	return codes, nil
}

// ReadPETR reads PETRARCH-2 validation records: <Sentence id date category
// evaluate> followed or enclosed by <EventCoding eventcode sourcecode
// targetcode/> elements (or one with noevents="True") and a <Text>. The
// file is not well-formed XML (a self-closed <Sentence/> is closed again
// after its parts), so it is read token by token: a record runs from one
// <Sentence> to the next. As the file's header says, only sentences whose
// category is in <Include> and whose evaluate is not "false" are scored;
// the others are counted in Skipped.
func ReadPETR(r io.Reader, name string) (GoldEvents, error) {
	g := GoldEvents{Scheme: SchemeCAMEO, Skipped: map[string]int{}}
	d := xml.NewDecoder(r)
	d.Strict = false
	d.Entity = xml.HTMLEntity
	var (
		include  map[string]bool // nil until <Include> is read: everything
		cur      *petrSentence
		sentence []*petrSentence
		inText   bool
		inclText *strings.Builder
	)
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return g, fmt.Errorf("%s: %w", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "Include":
				inclText = &strings.Builder{}
			case "Sentence":
				cur = &petrSentence{attrs: attrs(t)}
				sentence = append(sentence, cur)
			case "EventCoding":
				if cur == nil {
					return g, fmt.Errorf("%s: line %d: EventCoding outside a Sentence", name, lineOf(d))
				}
				cur.codings = append(cur.codings, attrs(t))
			case "Text":
				if cur == nil {
					return g, fmt.Errorf("%s: line %d: Text outside a Sentence", name, lineOf(d))
				}
				inText = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "Text":
				inText = false
			case "Include":
				if inclText == nil { // an end without a start
					continue
				}
				include = map[string]bool{}
				for _, c := range strings.Fields(inclText.String()) {
					include[c] = true
				}
				inclText = nil
			}
		case xml.CharData:
			switch {
			case inText:
				cur.text.Write(t)
			case inclText != nil:
				inclText.Write(t)
			}
		}
	}
	for i, s := range sentence {
		rec, skip, err := s.record(include)
		if err != nil {
			return g, fmt.Errorf("%s: sentence %d (%s): %w", name, i+1, s.attrs["id"], err)
		}
		if skip != "" {
			g.Skipped[skip]++
			continue
		}
		g.Records = append(g.Records, rec)
	}
	if len(g.Records) == 0 {
		return g, fmt.Errorf("%s: no PETRARCH-2 sentences to evaluate", name)
	}
	return g, nil
}

type petrSentence struct {
	attrs   map[string]string
	codings []map[string]string
	text    strings.Builder
}

// record returns the gold record of a sentence, or why it is skipped.
func (s *petrSentence) record(include map[string]bool) (GoldRecord, string, error) {
	if strings.EqualFold(s.attrs["evaluate"], "false") {
		return GoldRecord{}, `evaluate="false"`, nil
	}
	if cat := s.attrs["category"]; include != nil && !include[cat] {
		return GoldRecord{}, fmt.Sprintf("category %s not in <Include>", cat), nil
	}
	text := strings.Join(strings.Fields(s.text.String()), " ")
	if text == "" {
		return GoldRecord{}, "", errors.New("no text")
	}
	rec := GoldRecord{ID: s.attrs["id"], Text: text}
	// The file has a few dates that are not YYYYMMDD ("121108"): they
	// are unknown, as the date only anchors relative dates in the text.
	rec.Date, _ = time.Parse("20060102", s.attrs["date"])
	for _, c := range s.codings {
		if strings.EqualFold(c["noevents"], "true") {
			continue
		}
		code := c["eventcode"]
		if len(code) < 2 || strings.Trim(code, "0123456789") != "" {
			return rec, "", fmt.Errorf("eventcode %q: want a CAMEO code", code)
		}
		rec.Events = append(rec.Events, GoldEvent{
			Sources: nonEmpty(c["sourcecode"]), Targets: nonEmpty(c["targetcode"]), Type: code[:2],
		})
	}
	return rec, "", nil
}

func nonEmpty(code string) []string {
	if code == "" {
		return nil
	}
	return []string{code}
}

func attrs(t xml.StartElement) map[string]string {
	m := make(map[string]string, len(t.Attr))
	for _, a := range t.Attr {
		m[a.Name.Local] = a.Value
	}
	return m
}

func lineOf(d *xml.Decoder) int {
	line, _ := d.InputPos()
	return line
}
