package eval

import (
	"errors"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"dyad"
	"dyad/internal/shared"

	"github.com/google/go-cmp/cmp"
)

func event(src, tgt, cameo, plover string) dyad.Event {
	return dyad.Event{Source: dyad.EventActor{Code: src}, Target: dyad.EventActor{Code: tgt},
		CAMEO: cameo, Root: cameo[:2], PLOVER: dyad.PLOVER{Type: plover}}
}

// coder returns a CodeFunc that answers from a table by text.
func coder(byText map[string][]dyad.Event) CodeFunc {
	return func(text string, _ time.Time) ([]dyad.Event, error) { return byText[text], nil }
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestEvaluateEventsPLOVER(t *testing.T) {
	gold := GoldEvents{Scheme: SchemePLOVER, Records: []GoldRecord{
		// A compound source: two gold triples.
		{ID: "1", Text: "t1", Events: []GoldEvent{{Sources: []string{"USA", "JOR"}, Type: "AGREE"}}},
		{ID: "2", Text: "t2", Events: []GoldEvent{{Sources: []string{"ISR"}, Targets: []string{"PSE"}, Type: "ASSAULT"}}},
		{ID: "3", Text: "t3", Events: []GoldEvent{{Sources: []string{"IGO"}, Targets: []string{"SDN"}, Type: "REQUEST"}}},
		{ID: "4", Text: "t4", Events: []GoldEvent{{Sources: []string{"RUS"}, Targets: []string{"UKR"}, Type: "THREATEN"}}},
		// Mutual actors: two triples, one each way.
		{ID: "5", Text: "t5", Events: []GoldEvent{{Sources: []string{"FRA", "EGY"}, Type: "COOPERATE", Mutual: true}}},
	}}
	got, err := EvaluateEvents(gold, coder(map[string][]dyad.Event{
		// One of the two pairs; sector codes reduce to their country.
		"t1": {event("USAGOV", "", "057", "AGREE")},
		// Right type, wrong direction; and a spurious event.
		"t2": {event("PSE", "ISR", "190", "ASSAULT"), event("ISR", "EGY", "040", "CONSULT")},
		// An IGO code reduces to IGO; the old name DEMAND is matched too.
		"t3": {event("IGOUNO", "SDNGOV", "100", "DEMAND")},
		// Only a statement for t4, which PLOVER has no type for: not
		// scored.
		"t4": {event("RUS", "UKR", "010", "")},
		// One direction of the mutual act, and one with no target.
		"t5": {event("FRA", "EGY", "061", "COOPERATE"), event("EGY", "", "061", "COOPERATE")},
	}))
	if err != nil {
		t.Fatal(err)
	}
	want := Events{Scheme: SchemePLOVER, Records: 5, TypeAccuracy: 0.8, PRF: NewPRF(7, 6, 3)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("scores (-want +got):\n%s", diff)
	}
	if !near(got.Precision, 0.5) || !near(got.Recall, 3.0/7) {
		t.Errorf("precision %v recall %v, want 0.5 and 3/7", got.Precision, got.Recall)
	}
}

func TestEvaluateEventsCAMEO(t *testing.T) {
	gold := GoldEvents{Scheme: SchemeCAMEO, Records: []GoldRecord{
		{ID: "a", Text: "ta", Events: []GoldEvent{
			{Sources: []string{"BRA"}, Targets: []string{"USA"}, Type: "03"},
			{Sources: []string{"USA"}, Targets: []string{"BRA"}, Type: "03"},
		}},
		{ID: "b", Text: "tb", Events: []GoldEvent{{Sources: []string{"ISR"}, Targets: []string{"PSEGOV"}, Type: "08"}}},
		{ID: "none", Text: "tn"}, // a text with no event: anything coded is wrong
	}}
	got, err := EvaluateEvents(gold, coder(map[string][]dyad.Event{
		"ta": {event("BRAGOV", "USA", "031", "COOPERATE")},
		"tb": {event("ISR", "PSEGOV", "084", "RETREAT")},
		"tn": {event("FRA", "RWA", "111", "ACCUSE")},
	}))
	if err != nil {
		t.Fatal(err)
	}
	full := NewPRF(3, 3, 1) // BRAGOV ≠ BRA in full codes
	want := Events{Scheme: SchemeCAMEO, Records: 3, TypeAccuracy: 1, PRF: NewPRF(3, 3, 2), Full: &full}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("scores (-want +got):\n%s", diff)
	}
	out := got.String()
	for _, s := range []string{"records        3", "type_accuracy  100.00 %", "CAMEO root", "full codes"} {
		if !strings.Contains(out, s) {
			t.Errorf("String() lacks %q:\n%s", s, out)
		}
	}
}

func TestEvaluateEventsError(t *testing.T) {
	gold := GoldEvents{Scheme: SchemePLOVER, Records: []GoldRecord{{ID: "r7", Text: "x"}}}
	_, err := EvaluateEvents(gold, func(string, time.Time) ([]dyad.Event, error) { return nil, errors.New("boom") })
	if err == nil || !strings.Contains(err.Error(), "r7") {
		t.Errorf("error %v, want one naming record r7", err)
	}
}

const ploverSample = `[
 {"id": "D-1", "event": "DOCUMENT", "eventText": "documentation"},
 {"id": "A-1", "event": "AGREE", "date": "2000-01-01", "text": "Aland and Bland agreed on a fishing treaty.",
  "source": [{"actorText": "Aland", "code": "ALA"}, {"actorText": "Bland", "code": "BLA"}], "target": "",
  "textInfo": {"markup": "(SRC/TAR: Aland) and (SRC/TAR: Bland) (EVT: agreed) on a fishing treaty."}},
 {"id": "A-2", "event": "AGREE", "text": "Aland and Bland agreed to help Cland.",
  "source": [{"actorText": "Aland", "code": "ALA"}, {"actorText": "Bland", "code": "BLA"}], "target": "",
  "textInfo": {"markup": "(SRC: Aland) and (SRC: Bland) (EVT: agreed to help) Cland."}},
 {"id": "D-2", "event": "DEMAND", "text": "Cland demanded that Japan free the sailors.",
  "source": [{"actorText": "Cland", "code": "CLA"}], "target": [{"actorText": "Japan", "code": "JAPGOV"}]},
 {"id": "F-1", "event": "FIGHT", "text": "Eland's army fought Fland's.", "source": [{"actorText": "Eland", "code": "ELA"}]}
]`

func TestReadPLOVER(t *testing.T) {
	g, err := ReadPLOVER(strings.NewReader(ploverSample), "sample.json")
	if err != nil {
		t.Fatal(err)
	}
	want := GoldEvents{Scheme: SchemePLOVER,
		Records: []GoldRecord{
			{ID: "A-1", Text: "Aland and Bland agreed on a fishing treaty.", Date: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
				Events: []GoldEvent{{Sources: []string{"ALA", "BLA"}, Type: "AGREE", Mutual: true}}},
			{ID: "A-2", Text: "Aland and Bland agreed to help Cland.",
				Events: []GoldEvent{{Sources: []string{"ALA", "BLA"}, Type: "AGREE"}}},
			{ID: "D-2", Text: "Cland demanded that Japan free the sailors.",
				Events: []GoldEvent{{Sources: []string{"CLA"}, Targets: []string{"JPNGOV"}, Type: "REQUEST"}}},
			{ID: "F-1", Text: "Eland's army fought Fland's.",
				Events: []GoldEvent{{Sources: []string{"ELA"}, Type: "ASSAULT"}}},
		},
		Skipped: map[string]int{"DOCUMENT (file documentation)": 1},
		Mapped:  map[string]int{"DEMAND→REQUEST": 1, "FIGHT→ASSAULT": 1, "JAPGOV→JPNGOV": 1},
	}
	if diff := cmp.Diff(want, g); diff != "" {
		t.Errorf("gold (-want +got):\n%s", diff)
	}
	for name, in := range map[string]string{
		"not JSON":     `{`,
		"not an array": `{"id": "x"}`,
		"no records":   `[{"id": "D", "event": "DOCUMENT"}]`,
		"no text":      `[{"id": "x", "event": "AGREE"}]`,
		"bad source":   `[{"id": "x", "event": "AGREE", "text": "t", "source": 7}]`,
		"no code":      `[{"id": "x", "event": "AGREE", "text": "t", "source": [{"actorText": "A"}]}]`,
	} {
		_, err := ReadPLOVER(strings.NewReader(in), "f.json")
		if err == nil || !strings.HasPrefix(err.Error(), "f.json: ") || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %v, want one line starting with the file name", name, err)
		}
	}
}

const petrSample = `<?xml version='1.0' encoding='utf-8'?>
<Validation>
# a header with a stray & and <Include> named below
<Environment>
    <Include>valid GOLD VERB </Include>
</Environment>
<Sentences>
<Sentence category="GOLD" date="20080804" id="G_1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="ALA" targetcode="BLAGOV" />
<EventCoding eventcode="0352" sourcecode="BLA" targetcode="ALA" />
<Text>
Aland's envoy visited
Bland.
</Text>
<Parse>
1	x	x	X	X	_	0	root	_	_
</Parse>
</Sentence>

<Sentence category="VERB" date="20080806" id="V_1" evaluate="true">
<!-- nothing to code -->
<EventCoding noevents="True" />
<Text>It rained in Cland.</Text>
<Parse></Parse></Sentence>

<Sentence category="AFP" date="20080806" id="A_1" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="ALA" targetcode="BLA" />
<Text>Skipped: not an included category.</Text>
</Sentence>

<Sentence category="GOLD" date="20080806" id="G_2" evaluate="false"/>
<EventCoding eventcode="190" sourcecode="ALA" targetcode="BLA" />
<Text>Skipped: not evaluated.</Text>
</Sentence>
</Sentences>
</Validation>`

func TestReadPETR(t *testing.T) {
	g, err := ReadPETR(strings.NewReader(petrSample), "sample.xml")
	if err != nil {
		t.Fatal(err)
	}
	want := GoldEvents{Scheme: SchemeCAMEO,
		Records: []GoldRecord{
			{ID: "G_1", Text: "Aland's envoy visited Bland.", Date: time.Date(2008, 8, 4, 0, 0, 0, 0, time.UTC),
				Events: []GoldEvent{
					{Sources: []string{"ALA"}, Targets: []string{"BLAGOV"}, Type: "04"},
					{Sources: []string{"BLA"}, Targets: []string{"ALA"}, Type: "03"},
				}},
			{ID: "V_1", Text: "It rained in Cland.", Date: time.Date(2008, 8, 6, 0, 0, 0, 0, time.UTC)},
		},
		Skipped: map[string]int{"category AFP not in <Include>": 1, `evaluate="false"`: 1},
	}
	if diff := cmp.Diff(want, g); diff != "" {
		t.Errorf("gold (-want +got):\n%s", diff)
	}
	for name, in := range map[string]string{
		"empty":          ``,
		"no sentences":   `<Validation><Sentences></Sentences></Validation>`,
		"coding outside": `<Sentences><EventCoding eventcode="042"/></Sentences>`,
		"bad code":       `<Sentence id="x"/><EventCoding eventcode="4x"/><Text>t</Text></Sentence>`,
		"no text":        `<Sentence id="x"/><EventCoding eventcode="042"/></Sentence>`,
		"broken tag":     `<Sentence id="x"><Text>t</Text`,
	} {
		_, err := ReadPETR(strings.NewReader(in), "f.xml")
		if err == nil || !strings.HasPrefix(err.Error(), "f.xml: ") || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %v, want one line starting with the file name", name, err)
		}
	}
}

// TestReadSharedGold reads the dev gold in ../shared and checks its size
// and a few things the readers must get right on it.
func TestReadSharedGold(t *testing.T) {
	path := shared.Path(t, "eval/plover/gsr-dev.json")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pl, err := ReadPLOVER(f, path)
	if err != nil {
		t.Fatal(err)
	}
	compound := 0
	for _, r := range pl.Records {
		if len(r.Events[0].Sources) > 1 || len(r.Events[0].Targets) > 1 {
			compound++
		}
	}
	if len(pl.Records) != 179 || pl.Skipped["DOCUMENT (file documentation)"] != 1 ||
		pl.Mapped["DEMAND→REQUEST"] != 18 || pl.Mapped["FIGHT→ASSAULT"] != 11 || compound == 0 {
		t.Errorf("PLOVER gold: %d records, skipped %v, mapped %v, %d compound; want 179, DOCUMENT 1, DEMAND 18, FIGHT 11, some compound",
			len(pl.Records), pl.Skipped, pl.Mapped, compound)
	}

	path = shared.Path(t, "eval/petrarch2/PETR2_GSR_validation-dev.xml")
	f2, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f2.Close()
	pe, err := ReadPETR(f2, path)
	if err != nil {
		t.Fatal(err)
	}
	events, empty, dated := 0, 0, 0
	for _, r := range pe.Records {
		events += len(r.Events)
		if len(r.Events) == 0 {
			empty++
		}
		if !r.Date.IsZero() {
			dated++
		}
		if r.Text == "" {
			t.Errorf("record %s: no text", r.ID)
		}
	}
	if dated < 35 {
		t.Errorf("PETR gold: %d of %d records dated, want nearly all", dated, len(pe.Records))
	}
	// 41 sentences, all evaluated and included; 51 codings of which some
	// say noevents.
	if len(pe.Records) != 41 || len(pe.Skipped) != 0 || events == 0 || events >= 51 || empty == 0 {
		t.Errorf("PETR gold: %d records, skipped %v, %d events, %d without; want 41, none skipped, under 51 events, some without",
			len(pe.Records), pe.Skipped, events, empty)
	}
}

func FuzzReadPLOVER(f *testing.F) {
	f.Add(ploverSample)
	f.Add(`[{"id":"x","event":"AGREE","text":"t","source":null,"target":[{"code":"A"}]}]`)
	f.Fuzz(func(t *testing.T, in string) {
		g, err := ReadPLOVER(strings.NewReader(in), "fuzz.json")
		checkFuzz(t, g, err, "fuzz.json")
	})
}

func FuzzReadPETR(f *testing.F) {
	f.Add(petrSample)
	f.Add(`<Sentence id="x" date="20080101"/><EventCoding eventcode="042" sourcecode="A"/><Text>t</Text></Sentence>`)
	f.Fuzz(func(t *testing.T, in string) {
		g, err := ReadPETR(strings.NewReader(in), "fuzz.xml")
		checkFuzz(t, g, err, "fuzz.xml")
	})
}

// checkFuzz checks what a reader returned on any input: a one-line error
// naming the input, or records that all have text and events with types.
func checkFuzz(t *testing.T, g GoldEvents, err error, name string) {
	if err != nil {
		if msg := err.Error(); !strings.HasPrefix(msg, name+": ") || strings.Contains(msg, "\n") {
			t.Fatalf("error %q: want one line starting with %q", msg, name)
		}
		return
	}
	if len(g.Records) == 0 {
		t.Fatal("no error and no records")
	}
	for _, r := range g.Records {
		if strings.TrimSpace(r.Text) == "" {
			t.Fatalf("record %q has no text", r.ID)
		}
		for _, e := range r.Events {
			if e.Type == "" {
				t.Fatalf("record %q has an event without type", r.ID)
			}
		}
	}
}
