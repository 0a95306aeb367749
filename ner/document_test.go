package ner

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"dyad/treebank"
)

func TestDocContext(t *testing.T) {
	var c docContext
	c.build([][]string{strings.Fields("We sailed to Coron ."), strings.Fields("Coron town is small , and coron is a word .")})
	h := func(w string) uint64 { return hashBytes(appendLower(nil, w)) }
	d := c.lookup(h("Coron"))
	if d == nil {
		t.Fatal("Coron not recorded")
	}
	if want := []uint64{h("to"), hashStart, h("and")}; !slices.Equal(d.prev, want) {
		t.Errorf("prev %v, want %v", d.prev, want)
	}
	if want := []uint64{h("."), h("town"), h("is")}; !slices.Equal(d.next, want) {
		t.Errorf("next %v, want %v", d.next, want)
	}
	if want := uint64(docLower | docCapital | 3<<2); d.bits != want {
		t.Errorf("bits %b, want %b", d.bits, want)
	}
	// the names beside a name's capitalised mentions
	c.build([][]string{strings.Fields("We met Isabel Ruiz there ."), strings.Fields("Isabel and Maria said so .")})
	if d := c.lookup(h("Isabel")); d.names != nameLast<<2 {
		t.Errorf("Isabel: names %b, want %b", d.names, nameLast<<2)
	}
	if d := c.lookup(h("Ruiz")); d.names != nameFirst {
		t.Errorf("Ruiz: names %b, want %b", d.names, nameFirst)
	}
	// building again forgets the first document
	c.build([][]string{{"Baku"}})
	if c.lookup(h("Coron")) != nil || c.lookup(h("Baku")) == nil {
		t.Error("build kept the document before")
	}
	if d := c.lookup(h("Baku")); d.bits != 1<<2 || len(d.prev) != 1 || len(d.next) != 1 {
		t.Errorf("Baku: %+v", d)
	}
}

func TestDocument(t *testing.T) {
	r := Default()
	if r.docModel == nil {
		t.Fatal("the embedded model has no document model")
	}
	var words [][]string
	for _, s := range newsSentences() {
		words = append(words, s.Words())
	}
	words = append(words, nil, []string{"."})
	got := r.Document(words, nil)
	if len(got) != len(words) {
		t.Fatalf("%d sentences, want %d", len(got), len(words))
	}
	for i, ents := range got {
		end := 0
		for _, e := range ents {
			if e.Start < end || e.End <= e.Start || e.End > len(words[i]) || !slices.Contains(r.Types(), e.Type) {
				t.Errorf("%q: bad entity %v in %v", words[i], e, ents)
			}
			end = e.End
		}
	}
	// Recognize is not changed by a document before it.
	for _, w := range words {
		if a, b := r.Recognize(w, nil), Default().Recognize(w, nil); !slices.Equal(a, b) {
			t.Errorf("%q: %v, then %v", w, a, b)
		}
	}
	// A model without a document model labels documents as Recognize does.
	old := newRecognizer(r.types, r.upos, r.model)
	old.vocab = r.vocab
	var buf bytes.Buffer
	if err := old.Write(&buf); err != nil {
		t.Fatal(err)
	}
	b := bytes.Replace(buf.Bytes(), []byte(magic), []byte("dyad-ner-2\n"), 1)
	r2, err := Read(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("reading a dyad-ner-2 model: %v", err)
	}
	for i, ents := range r2.Document(words, nil) {
		if want := r.Recognize(words[i], nil); !slices.Equal(ents, want) {
			t.Errorf("%q: %v, want %v", words[i], ents, want)
		}
	}
}

func TestDocContexts(t *testing.T) {
	ids := []string{"a-1", "a-2", "b-1", "x:4", "x:5"}
	words := [][]string{{"Coron"}, {"Busuanga"}, {"Baku"}, {"Kim"}, {"Lee"}}
	var sents []treebank.Sentence
	for _, id := range ids {
		sents = append(sents, treebank.Sentence{ID: id})
	}
	docs := docContexts(sents, words)
	h := func(w string) uint64 { return hashBytes(appendLower(nil, w)) }
	for i, tt := range []struct{ has, hasNot string }{
		{"Busuanga", "Baku"}, {"Coron", "Baku"}, {"Baku", "Coron"}, {"Kim", "Lee"}, {"Lee", "Kim"},
	} {
		if docs[i].lookup(h(tt.has)) == nil || docs[i].lookup(h(tt.hasNot)) != nil {
			t.Errorf("sentence %s: want %s and not %s in its document", ids[i], tt.has, tt.hasNot)
		}
	}
}
