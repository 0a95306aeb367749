package ner

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"dyad/internal/perceptron"
	"dyad/treebank"
)

var testTypes = []string{"PER", "ORG", "LOC"}

func ent(start, end int, typ string) treebank.Entity {
	return treebank.Entity{Start: start, End: end, Type: typ}
}

func TestBILOU(t *testing.T) {
	tests := []struct {
		n      int
		ents   []treebank.Entity
		labels string
	}{
		{3, nil, "O O O"},
		{3, []treebank.Entity{ent(0, 1, "PER")}, "U-PER O O"},
		{4, []treebank.Entity{ent(1, 4, "ORG")}, "O B-ORG I-ORG L-ORG"},
		{4, []treebank.Entity{ent(0, 2, "LOC"), ent(2, 3, "PER")}, "B-LOC L-LOC U-PER O"},
		// nested and crossing spans: the earlier, then longer, wins
		{4, []treebank.Entity{ent(1, 2, "LOC"), ent(0, 3, "ORG"), ent(2, 4, "PER")}, "B-ORG I-ORG L-ORG O"},
		// types the model does not know, empty and out-of-range spans
		{3, []treebank.Entity{ent(0, 1, "MISC"), ent(1, 1, "PER"), ent(2, 5, "LOC")}, "O O O"},
	}
	cs := classes(testTypes)
	for _, tt := range tests {
		labels := encode(tt.ents, tt.n, testTypes)
		names := make([]string, len(labels))
		for i, c := range labels {
			names[i] = cs[c]
		}
		if got := strings.Join(names, " "); got != tt.labels {
			t.Errorf("encode(%v) = %s, want %s", tt.ents, got, tt.labels)
		}
		want := decode(labels, testTypes)
		back := encode(want, tt.n, testTypes)
		if !slices.Equal(back, labels) {
			t.Errorf("encode(decode(%s)) = %v", tt.labels, back)
		}
	}
}

func TestDecodeMalformed(t *testing.T) {
	cs := classes(testTypes)
	tests := []struct {
		labels string
		want   []treebank.Entity
	}{
		{"I-PER L-PER O", []treebank.Entity{ent(0, 2, "PER")}},
		{"B-PER B-PER L-PER", []treebank.Entity{ent(0, 1, "PER"), ent(1, 3, "PER")}},
		{"B-PER L-ORG", []treebank.Entity{ent(0, 1, "PER"), ent(1, 2, "ORG")}},
		{"O B-LOC I-LOC", []treebank.Entity{ent(1, 3, "LOC")}},
		{"L-LOC U-ORG", []treebank.Entity{ent(0, 1, "LOC"), ent(1, 2, "ORG")}},
	}
	for _, tt := range tests {
		var labels []int
		for _, l := range strings.Fields(tt.labels) {
			labels = append(labels, slices.Index(cs, l))
		}
		if got := decode(labels, testTypes); !slices.Equal(got, tt.want) {
			t.Errorf("decode(%s) = %v, want %v", tt.labels, got, tt.want)
		}
	}
}

// TestConstrainedDecoding checks that greedy decoding under the transition
// constraints yields a well-formed sequence whatever the scores: one that
// survives decode and encode unchanged.
func TestConstrainedDecoding(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	scores := make([]float32, len(classes(testTypes)))
	for range 2000 {
		n := 1 + rng.IntN(8)
		labels := make([]int, n)
		prev := -1
		for i := range n {
			for c := range scores {
				scores[c] = float32(rng.NormFloat64())
			}
			labels[i] = best(scores, prev, i == n-1)
			prev = labels[i]
		}
		if back := encode(decode(labels, testTypes), n, testTypes); !slices.Equal(back, labels) {
			t.Fatalf("ill-formed sequence %v", labels)
		}
	}
}

func TestTypesOf(t *testing.T) {
	if got, err := typesOf(classes(testTypes)); err != nil || !slices.Equal(got, testTypes) {
		t.Errorf("typesOf(classes) = %v, %v", got, err)
	}
	for _, cs := range [][]string{nil, {"X"}, {"O", "B-PER"}, {"O", "B-PER", "I-PER", "U-PER", "L-PER"}} {
		if _, err := typesOf(cs); err == nil {
			t.Errorf("typesOf(%q): no error", cs)
		}
	}
}

// toy is a small training set in which capitalised words after "met" and
// "in" are people and places.
func toy() []treebank.Sentence {
	var sents []treebank.Sentence
	for _, s := range []string{
		"[PER Anna Berg] met [PER Carl] in [LOC Oslo] .",
		"[PER Dora] met [PER Erik Lund] in [LOC Bergen] .",
		"She works for [ORG Acme Corp] in [LOC Paris] .",
		"the weather was fine .",
	} {
		sents = append(sents, bracketed(s))
	}
	return sents
}

func TestTrainDeterministic(t *testing.T) {
	model := func() []byte {
		r, err := Train(toy(), nil, perceptron.Options{Iterations: 5, Seed: 7})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := r.Write(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	if a, b := model(), model(); !bytes.Equal(a, b) {
		t.Error("two trainings with one seed differ")
	}
	if _, err := Train([]treebank.Sentence{{Tokens: []treebank.Token{{Form: "x"}}}}, nil, perceptron.Options{}); err == nil {
		t.Error("Train without entity annotation: no error")
	}
}

func TestRoundTrip(t *testing.T) {
	r := Default()
	var buf bytes.Buffer
	if err := r.Write(&buf); err != nil {
		t.Fatal(err)
	}
	r2, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var buf2 bytes.Buffer
	if err := r2.Write(&buf2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), defaultModel) || !bytes.Equal(buf2.Bytes(), defaultModel) {
		t.Error("writing the embedded model does not give back its file")
	}
	if !slices.Equal(r.Types(), r2.Types()) {
		t.Errorf("types %v, read back %v", r.Types(), r2.Types())
	}
	for _, s := range newsSentences() {
		w := s.Words()
		if a, b := r.Recognize(w, nil), r2.Recognize(w, nil); !slices.Equal(a, b) {
			t.Errorf("%q: %v, read back %v", w, a, b)
		}
	}
	for _, bad := range [][]byte{nil, []byte("dyad-ner-1\n"), []byte("dyad-perceptron-1"), buf.Bytes()[:buf.Len()/2],
		buf.Bytes()[:len(magic)+20], []byte("dyad-ner-1\n\x02"), []byte("dyad-ner-2\n\x04")} {
		if _, err := Read(bytes.NewReader(bad)); err == nil {
			t.Errorf("Read(%.20q): no error", bad)
		}
	}
}

func TestRecognizeEdges(t *testing.T) {
	r := Default()
	for _, words := range [][]string{nil, {""}, {"."}, {"Baku"}, strings.Fields("A B C D E F G H I J K L M N O P")} {
		ents := r.Recognize(words, nil)
		end := 0
		for _, e := range ents {
			if e.Start < end || e.End <= e.Start || e.End > len(words) || !slices.Contains(r.Types(), e.Type) {
				t.Errorf("Recognize(%q): bad entity %v in %v", words, e, ents)
			}
			end = e.End
		}
	}
}

func TestLoadTime(t *testing.T) {
	start := time.Now()
	if _, err := Read(bytes.NewReader(defaultModel)); err != nil {
		t.Fatal(err)
	}
	t.Logf("model of %d bytes read in %v", len(defaultModel), time.Since(start))
}

func TestCutTitles(t *testing.T) {
	tests := []struct{ in, want string }{
		{"[PER U.S. President Donald Trump] spoke", "U.S. President [PER Donald Trump] spoke"},
		{"[PER Israeli Foreign Minister Gideon Sa'ar]", "Israeli Foreign Minister [PER Gideon Sa'ar]"},
		{"[PER President Aliyev]", "President [PER Aliyev]"},
		{"[PER Jordan Peterson]", "[PER Jordan Peterson]"},
		{"[PER President]", "President"},
		{"[PER Justice Antonin Scalia]", "Justice [PER Antonin Scalia]"},
		{"[PER Mr. Chief Justice]", "Mr. Chief Justice"},
		{"[PER Miss Rosenthal] ?", "Miss [PER Rosenthal] ?"},
		{"[PER President of the United States]", "[PER President of the United States]"},
		{"[ORG President Hotel]", "[ORG President Hotel]"},
		{"[LOC Foreign Minister Jeyhun Bayramov]", "[LOC Foreign Minister Jeyhun Bayramov]"},
		{"[PER Azerbaijani President] [PER Ilham Aliyev]", "Azerbaijani President [PER Ilham Aliyev]"},
		{"[ORG NATO Secretary General Mark Rutte]", "[ORG NATO] Secretary General [PER Mark Rutte]"},
		{"[LOC Prince Edward Island]", "[LOC Prince Edward Island]"},
		{"NATO Secretary [PER General Mark Rutte]", "NATO Secretary General [PER Mark Rutte]"},
		{"[ORG Prime Minister 's Office]", "[ORG Prime Minister 's Office]"},
	}
	for _, tt := range tests {
		in, want := bracketed(tt.in), bracketed(tt.want)
		if got := cutTitles(in.Entities, in.Words(), Default().lex); !slices.Equal(got, want.Entities) {
			t.Errorf("cutTitles(%s) = %v, want %v", tt.in, got, want.Entities)
		}
	}
}

func TestNamesAfterTitles(t *testing.T) {
	r := Default()
	tests := []struct {
		words, upos string
		want        []treebank.Entity
	}{
		{"Foreign Minister Gideon Sa'ar met him", "ADJ PROPN PROPN PROPN VERB PRON", []treebank.Entity{ent(2, 4, "PER")}},
		{"the President Monday said", "DET PROPN PROPN VERB", nil},
		{"the President said", "DET PROPN VERB", nil},
		{"Minister Smith's plan", "PROPN PROPN PART NOUN", []treebank.Entity{ent(1, 2, "PER")}},
		{"the minister Ali Hassan", "", []treebank.Entity{ent(2, 4, "PER")}},
		{"as Justice Mara Olsen wrote", "SCONJ PROPN PROPN PROPN VERB", []treebank.Entity{ent(2, 4, "PER")}},
		{"Ms Okafor said", "PROPN PROPN VERB", []treebank.Entity{ent(1, 2, "PER")}},
		{"Mr. Chief Justice Olsen", "PROPN PROPN PROPN PROPN", []treebank.Entity{ent(3, 4, "PER")}},
		{"the Chief of Staff", "DET PROPN ADP PROPN", nil},
	}
	for _, tt := range tests {
		words := strings.Fields(strings.ReplaceAll(tt.words, "'s", " 's"))
		var upos []string
		if tt.upos != "" {
			upos = strings.Fields(tt.upos)
		}
		var s scratch
		s.prepare(words, upos, r.lex, nil)
		labels := make([]int, len(words))
		r.namesAfterTitles(s.entries, labels, words, upos)
		if got := decode(labels, r.types); !slices.Equal(got, tt.want) {
			t.Errorf("namesAfterTitles(%q) = %v, want %v", tt.words, got, tt.want)
		}
	}
}

func TestOrganizations(t *testing.T) {
	r := Default()
	words := strings.Fields("WHO and the World Health Organisation , not the Health Ministry")
	labels := make([]int, len(words))
	labels[8], labels[9] = label(0, posB), label(0, posL) // an entity already there stays
	var s scratch
	s.prepare(words, nil, r.lex, nil)
	r.organizations(s.entries, labels)
	org := slices.Index(r.types, "ORG")
	want := []treebank.Entity{ent(0, 1, r.types[org]), ent(3, 6, r.types[org]), ent(8, 10, r.types[0])}
	if got := decode(labels, r.types); !slices.Equal(got, want) {
		t.Errorf("organizations = %v, want %v", got, want)
	}
}

func TestInstitutions(t *testing.T) {
	r := Default()
	for _, tt := range []struct {
		words string
		ents  []treebank.Entity
		want  []treebank.Entity
	}{
		{"he entered Trinity College in 1805", []treebank.Entity{ent(2, 3, "LOC")}, []treebank.Entity{ent(2, 4, "ORG")}},
		{"a ruling of the Newfoundland and Labrador Court of Appeal today", []treebank.Entity{ent(4, 7, "LOC")}, []treebank.Entity{ent(4, 10, "ORG")}},
		{"librarians of the National Library of the Netherlands met", nil, []treebank.Entity{ent(3, 8, "ORG")}},
		{"the appellant , Atlantic Lottery Corporation , said", []treebank.Entity{ent(3, 4, "LOC")}, []treebank.Entity{ent(3, 6, "ORG")}},
		{"an order of the United States Congress", []treebank.Entity{ent(4, 6, "LOC")}, []treebank.Entity{ent(4, 7, "ORG")}},
		{"Parliament met in London", []treebank.Entity{ent(3, 4, "LOC")}, []treebank.Entity{ent(3, 4, "LOC")}}, // one word, first in the sentence
		{"the Soviet Union fell", []treebank.Entity{ent(1, 3, "LOC")}, []treebank.Entity{ent(1, 3, "LOC")}},
		{"he sued the Bank of Lorraine", []treebank.Entity{ent(3, 6, "LOC")}, []treebank.Entity{ent(3, 6, "ORG")}},
		{"he taught at Hollins Grammar School", []treebank.Entity{ent(3, 6, "LOC")}, []treebank.Entity{ent(3, 6, "ORG")}},
		{"she studied at the Freie Universität", []treebank.Entity{ent(4, 6, "LOC")}, []treebank.Entity{ent(4, 6, "ORG")}},
		{"the Sydney Morning Herald said", []treebank.Entity{ent(1, 2, "LOC")}, []treebank.Entity{ent(1, 4, "ORG")}},
	} {
		got := r.institutions(slices.Clone(tt.ents), strings.Fields(tt.words))
		if !slices.Equal(got, tt.want) {
			t.Errorf("institutions(%q, %v) = %v, want %v", tt.words, tt.ents, got, tt.want)
		}
	}
}

// TestConcurrent runs under -race: Recognize shares the model and pools
// its scratch memory.
func TestConcurrent(t *testing.T) {
	sents := newsSentences()
	want := make([][]treebank.Entity, len(sents))
	for i, s := range sents {
		want[i] = Default().Recognize(s.Words(), nil)
	}
	done := make(chan bool)
	for range 4 {
		go func() {
			defer func() { done <- true }()
			for i, s := range sents {
				if got := Default().Recognize(s.Words(), nil); !slices.Equal(got, want[i]) {
					t.Errorf("%s: %v, alone %v", s.Text, got, want[i])
				}
			}
		}()
	}
	for range 4 {
		<-done
	}
}

// FuzzRead feeds Read corrupt model files: an error, never a panic. Seeds
// are the embedded model cut short and with bytes flipped near its start,
// where the flags and the vocabulary are.
func FuzzRead(f *testing.F) {
	f.Add(defaultModel[:len(magic)+40])
	flipped := bytes.Clone(defaultModel[:len(magic)+200])
	flipped[len(magic)+1] ^= 0xff
	f.Add(flipped)
	f.Add([]byte("dyad-ner-1\n\x01"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if r, err := Read(bytes.NewReader(b)); err == nil {
			r.Recognize([]string{"Kenya", "and", "Uganda"}, nil)
		}
	})
}
