package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"dyad/internal/shared"
)

// tinyECB is two stories of two documents each, written for this test.
var tinyECB = func() string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	for _, d := range []struct{ ID, Topic, Cluster, Text string }{
		{"1_1ecb", "1", "1_ecb", "A strong earthquake struck the coast of Chile near Valparaiso on Sunday, killing dozens."},
		{"2_1ecb", "2", "2_ecb", "European Union leaders in Brussels backed tariffs on Chinese electric buses."},
		{"1_2ecb", "1", "1_ecb", "Rescuers in Valparaiso searched for survivors after the Chile earthquake killed dozens."},
		{"2_2ecb", "2", "2_ecb", "Tariffs on Chinese electric buses won the backing of European Union leaders in Brussels."},
	} {
		enc.Encode(map[string]string{"id": d.ID, "topic": d.Topic, "cluster": d.Cluster, "text": d.Text})
	}
	return b.String()
}()

func TestEvalStories(t *testing.T) {
	path := writeFile(t, t.TempDir(), "tiny.jsonl", []byte(tinyECB))
	var out bytes.Buffer
	if err := runEvalStories(context.Background(), []string{"--ecbplus", path, "--json"}, &out, &out); err != nil {
		t.Fatal(err)
	}
	v := lastJSON(t, out.String())
	if got := strings.Join(keys(v), " "); got != "baseline bcubed clusters docs gold pairwise" {
		t.Errorf("keys %s", got)
	}
	if v["docs"] != 4.0 || v["gold"] != 2.0 {
		t.Errorf("docs %v, gold %v; want 4 and 2", v["docs"], v["gold"])
	}
	if f1 := v["bcubed"].(map[string]any)["f1"]; f1 != 1.0 {
		t.Errorf("B-cubed F1 %v on two plain stories, want 1", f1)
	}
	out.Reset()
	if err := runEvalStories(context.Background(), []string{"--ecbplus", path}, &out, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"4 documents, 2 gold stories", "dyad ", "baseline "} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("text output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestEvalStoriesErrors(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "bad.jsonl", []byte("{\"id\": \"x\"}\n"))
	for _, tt := range []struct {
		args  []string
		usage bool
		want  string
	}{
		{nil, true, "want --ecbplus"},
		{[]string{"--ecbplus", bad, "extra"}, true, "unexpected argument"},
		{[]string{"--ecbplus", bad}, false, "bad.jsonl:1: document without id or cluster"},
		{[]string{"--ecbplus", dir + "/missing.jsonl"}, false, "missing.jsonl"},
	} {
		err := runEvalStories(context.Background(), tt.args, &bytes.Buffer{}, &bytes.Buffer{})
		var u usageError
		if err == nil || errors.As(err, &u) != tt.usage || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: error %v, want one containing %q (usage %v)", tt.args, err, tt.want, tt.usage)
		}
	}
}

// TestEvalStoriesECBPlus holds the ECB+ dev score to a floor: dyad's
// B-cubed F1 measured 0.925–0.947 (baseline 0.617) depending on the NER
// model.
func TestEvalStoriesECBPlus(t *testing.T) {
	if testing.Short() {
		t.Skip("analyzes 537 documents")
	}
	path := shared.Path(t, "eval/ecbplus/dev.jsonl")
	var out bytes.Buffer
	if err := runEvalStories(context.Background(), []string{"--ecbplus", path, "--json"}, &out, &out); err != nil {
		t.Fatal(err)
	}
	var s storyScores
	if err := json.Unmarshal(out.Bytes(), &s); err != nil {
		t.Fatal(err)
	}
	t.Logf("dyad B-cubed F1 %.3f, pairwise F1 %.3f; baseline %.3f, %.3f", s.BCubed.F1, s.Pairwise.F1, s.Baseline.BCubed.F1, s.Baseline.Pairwise.F1)
	if s.BCubed.F1 < 0.91 {
		t.Errorf("B-cubed F1 %.3f, want at least 0.91", s.BCubed.F1)
	}
	if s.BCubed.F1 <= s.Baseline.BCubed.F1+0.1 {
		t.Errorf("B-cubed F1 %.3f does not beat the baseline's %.3f by 0.1", s.BCubed.F1, s.Baseline.BCubed.F1)
	}
}
