package eval

import (
	"math"
	"strings"
	"testing"
)

func TestScoreClustering(t *testing.T) {
	tests := []struct {
		name            string
		gold, pred      []string
		bp, br, pp, pr  float64
		clusters, golds int
	}{
		{"perfect", []string{"a", "a", "b"}, []string{"x", "x", "y"}, 1, 1, 1, 1, 2, 2},
		{"all in one", []string{"a", "a", "b", "b"}, []string{"x", "x", "x", "x"}, 0.5, 1, 2.0 / 6, 1, 1, 2},
		{"all apart", []string{"a", "a", "b", "b"}, []string{"1", "2", "3", "4"}, 1, 0.5, 0, 0, 4, 2},
		// Per document: P 2/3 2/3 1/3 1, R 1 1 1/2 1/2; pairs: gold 2,
		// predicted 3, correct 1.
		{"mixed", []string{"a", "a", "b", "b"}, []string{"x", "x", "x", "y"}, 2.0 / 3, 0.75, 1.0 / 3, 0.5, 2, 2},
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ScoreClustering(tt.gold, tt.pred)
			if err != nil {
				t.Fatal(err)
			}
			if !near(c.BCubed.Precision, tt.bp) || !near(c.BCubed.Recall, tt.br) || !near(c.Pairwise.Precision, tt.pp) || !near(c.Pairwise.Recall, tt.pr) {
				t.Errorf("B-cubed P %.3f R %.3f, pairwise P %.3f R %.3f; want %.3f %.3f, %.3f %.3f",
					c.BCubed.Precision, c.BCubed.Recall, c.Pairwise.Precision, c.Pairwise.Recall, tt.bp, tt.br, tt.pp, tt.pr)
			}
			if f := 2 * tt.bp * tt.br / (tt.bp + tt.br); !near(c.BCubed.F1, f) {
				t.Errorf("B-cubed F1 %.3f, want %.3f", c.BCubed.F1, f)
			}
			if c.Docs != len(tt.gold) || c.Clusters != tt.clusters || c.Gold != tt.golds {
				t.Errorf("docs %d clusters %d gold %d", c.Docs, c.Clusters, c.Gold)
			}
		})
	}
	if _, err := ScoreClustering([]string{"a"}, nil); err == nil {
		t.Error("no error for labels of different lengths")
	}
}

func TestReadECBPlus(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		err      string
	}{
		{"two documents and a blank line", `{"id": "1_1ecb", "topic": "1", "cluster": "1_ecb", "text": "A."}` + "\n\n" +
			`{"id": "1_1ecbplus", "topic": "1", "cluster": "1_ecbplus", "text": "B."}` + "\n", 2, ""},
		{"not JSON", "{\n", 0, "gold:1: "},
		{"no cluster", `{"id": "1_1ecb", "text": "A."}`, 0, "gold:1: document without id or cluster"},
		{"empty", "", 0, "gold: no documents"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := ReadECBPlus(strings.NewReader(tt.in), "gold")
			if tt.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.err) {
					t.Errorf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || len(docs) != tt.n || docs[1].Cluster != "1_ecbplus" {
				t.Errorf("docs %+v, err %v", docs, err)
			}
		})
	}
}
