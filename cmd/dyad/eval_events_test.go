package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"dyad"
	"dyad/internal/shared"
)

// stubCoder replaces codeText for one test with a coder that answers from
// a table by text.
func stubCoder(t *testing.T, byText map[string][]dyad.Event) {
	t.Helper()
	saved := codeText
	codeText = func(text string, _ time.Time) ([]dyad.Event, error) { return byText[text], nil }
	t.Cleanup(func() { codeText = saved })
}

func TestEvalEvents(t *testing.T) {
	gold := writeFile(t, t.TempDir(), "gold.json", []byte(`[
 {"id": "d", "event": "DOCUMENT"},
 {"id": "1", "event": "DEMAND", "text": "Aland demanded that Bland pay.",
  "source": [{"actorText": "Aland", "code": "ALA"}], "target": [{"actorText": "Bland", "code": "BLA"}]},
 {"id": "2", "event": "AGREE", "text": "Cland agreed.", "source": [{"actorText": "Cland", "code": "CLA"}], "target": ""}
]`))
	stubCoder(t, map[string][]dyad.Event{
		"Aland demanded that Bland pay.": {{Source: dyad.EventActor{Code: "ALAGOV"}, Target: dyad.EventActor{Code: "BLA"},
			CAMEO: "102", Root: "10", PLOVER: dyad.PLOVER{Type: "REQUEST"}}},
	})
	r := mustRun(t, 0, "eval", "events", "--plover", gold, "--json")
	out := lines(r.stdout)
	var got map[string]any
	if err := json.Unmarshal([]byte(out[len(out)-1]), &got); err != nil {
		t.Fatalf("last line is not JSON: %v\n%s", err, r.stdout)
	}
	for key, want := range map[string]float64{"records": 2, "type_accuracy": 0.5, "precision": 1, "recall": 0.5} {
		if got[key] != want {
			t.Errorf("%s = %v, want %v", key, got[key], want)
		}
	}
	r = mustRun(t, 0, "eval", "events", "--plover", gold)
	for _, s := range []string{"skipped      1 DOCUMENT", "mapped       1 DEMAND→REQUEST", "type_accuracy   50.00 %"} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("output lacks %q:\n%s", s, r.stdout)
		}
	}
}

func TestEvalEventsUsage(t *testing.T) {
	for _, args := range [][]string{
		{"eval", "events"},
		{"eval", "events", "--plover", "a.json", "--petr", "b.xml"},
		{"eval", "events", "--plover", "a.json", "extra"},
	} {
		if r := dyadRun(t, args...); r.code != 2 || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("dyad %s: exit %d, stderr %q; want 2 and one line", strings.Join(args, " "), r.code, r.stderr)
		}
	}
	r := mustRun(t, 1, "eval", "events", "--petr", "/nonexistent/gold.xml")
	if !strings.Contains(r.stderr, "/nonexistent/gold.xml") {
		t.Errorf("stderr %q, want the path", r.stderr)
	}
}

// TestEvalEventsSharedGold runs the real analysis and coder on the dev
// gold: the commands must read it and report every key DESIGN.md names.
func TestEvalEventsSharedGold(t *testing.T) {
	for flag, records := range map[string]float64{
		"--plover": 179,
		"--petr":   41,
	} {
		path := shared.Path(t, map[string]string{
			"--plover": "eval/plover/gsr-dev.json",
			"--petr":   "eval/petrarch2/PETR2_GSR_validation-dev.xml",
		}[flag])
		r := mustRun(t, 0, "eval", "events", flag, path, "--json")
		out := lines(r.stdout)
		var got map[string]any
		if err := json.Unmarshal([]byte(out[len(out)-1]), &got); err != nil {
			t.Fatalf("%s: last line is not JSON: %v", flag, err)
		}
		if got["records"] != records {
			t.Errorf("%s: records = %v, want %v", flag, got["records"], records)
		}
		for _, key := range []string{"type_accuracy", "precision", "recall", "f1"} {
			if _, ok := got[key].(float64); !ok {
				t.Errorf("%s: no number %s in %v", flag, key, got)
			}
		}
	}
}
