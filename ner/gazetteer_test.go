package ner

import (
	"bufio"
	"strings"
	"testing"

	"dyad/lexicon"
)

// TestGazetteers checks what prepare finds in the names and the Phoenix
// actors: a first name and a surname, a company.
func TestGazetteers(t *testing.T) {
	words := strings.Fields("Gloria Smith flew to meet Atmel Corporation staff")
	var s scratch
	s.prepare(words, nil, lexicon.Default(), nil)
	// the lists hold much besides: check what must be there
	for _, c := range []struct {
		i           int
		name, known bool
	}{
		{i: 0, name: true}, {i: 1, name: true},
		{i: 5, known: true}, {i: 6, known: true},
	} {
		tk := s.toks[c.i]
		if c.name && tk.name == 0 || c.known && tk.known == 0 {
			t.Errorf("%q: name %x known %x", words[c.i], tk.name, tk.known)
		}
	}
	if s.toks[5].known == s.toks[6].known {
		t.Error("Atmel and Corporation have one BILOU position")
	}
}

// TestVocabFolds checks that the vocab a training sentence sees holds
// none of the words only it has, and that a vocab reads back.
func TestVocabFolds(t *testing.T) {
	var words [][]string
	var gold [][]int
	for i := range 10 {
		words = append(words, []string{"the", "Zork" + strings.Repeat("x", i)})
		gold = append(gold, []int{0, label(0, posU)})
	}
	per, all := vocabFolds(words, gold)
	var buf []byte
	for i, w := range words {
		buf = appendLower(buf[:0], w[1])
		h := hashBytes(buf)
		if per[i][h] != 0 {
			t.Errorf("sentence %d sees its own word %q", i, w[1])
		}
		if all[h] != seenAny|seenCapital|seenType {
			t.Errorf("%q: bits %b", w[1], all[h])
		}
	}
	if all[hashBytes("the")] != seenAny|seenLower {
		t.Errorf("the: bits %b", all[hashBytes("the")])
	}
	var b strings.Builder
	if err := all.write(&b); err != nil {
		t.Fatal(err)
	}
	r := bufioReader(b.String())
	back, err := readVocab(r)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(all) || len(all) != 11 {
		t.Fatalf("read back %d words, want %d", len(back), len(all))
	}
	for k, v := range all {
		if back[k] != v {
			t.Errorf("word %x: bits %b, read back %b", k, v, back[k])
		}
	}
}

func bufioReader(s string) *bufio.Reader { return bufio.NewReader(strings.NewReader(s)) }
