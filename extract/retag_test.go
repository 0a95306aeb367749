package extract

import (
	"strings"
	"testing"
)

// TestRetag checks the tag repairs on tag sequences of our own sentences.
func TestRetag(t *testing.T) {
	tests := []struct {
		words, xpos string
		want        map[int]string // fixed tags by word
	}{
		{"prisoners rioted at a jail , locals said", "NNS VBN IN DT NN , NNS VBD",
			map[int]string{1: "VERB VBD"}},
		{"troops deployed in the area were attacked", "NNS VBN IN DT NN VBD VBN", nil},
		{"doctors donated and delivered goods", "NNS VBN CC VBD NNS", map[int]string{1: "VERB VBD"}},
		{"libya must hand over the suspects", "NNP MD NN RP DT NNS", map[int]string{2: "VERB VB"}},
	}
	for _, tt := range tests {
		lows, xpos := strings.Fields(tt.words), strings.Fields(tt.xpos)
		upos := make([]string, len(xpos))
		fixed, again := retag(nil, lows, upos, xpos)
		if again != (tt.want != nil) {
			t.Errorf("%q: retag again %v, want %v", tt.words, again, tt.want != nil)
			continue
		}
		for i, tag := range tt.want {
			if fixed[i] != tag {
				t.Errorf("%q: word %d fixed %q, want %q", tt.words, i, fixed[i], tag)
			}
		}
	}
}
