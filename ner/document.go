package ner

import (
	"slices"

	"dyad/treebank"
)

// Document returns the entities of each sentence of a document, as
// Recognize does, but with the document as context: a name is usually
// one thing throughout a text, and its other mentions tell what ("in
// Coron", "Coron's beaches"), where one sentence alone may not ("Coron
// is ..." reads as a person). upos may be nil, or hold nil for a sentence,
// which is then tagged as Recognize tags it.
func (r *Recognizer) Document(words, upos [][]string) [][]treebank.Entity {
	s := r.get()
	defer r.pool.Put(s)
	s.doc.build(words)
	s.storms = s.storms[:0]
	m := r.docModel
	if m == nil {
		m = r.model
	}
	ents := make([][]treebank.Entity, len(words))
	for i, w := range words {
		var u []string
		if i < len(upos) {
			u = upos[i]
		}
		ents[i] = r.recognize(s, m, w, u)
		s.storms = appendStorms(s.storms, ents[i], w)
	}
	for i, w := range words {
		ents[i] = dropStorms(ents[i], w, s.storms)
	}
	return ents
}

// maxDocContext bounds the neighbours kept per word of a document.
const maxDocContext = 8

// docContext records, for each word of a document (hashed as tok.lower),
// the words around its mentions and how it was written.
type docContext struct {
	index map[uint64]int
	words []docWord
	buf   []byte
}

type docWord struct {
	prev, next []uint64 // distinct neighbours, lower-cased and hashed
	bits       uint64   // docLower, docCapital, and mentions (up to 3) << 2
	// the name bits (see names) of the capitalised words before and
	// after its capitalised mentions: prev | next << 2
	names uint64
}

const (
	docLower   = 1 // written in lower case somewhere in the document
	docCapital = 2 // capitalised, not first in its sentence
)

// build fills c from the sentences of a document.
func (c *docContext) build(sents [][]string) {
	if c.index == nil {
		c.index = map[uint64]int{}
	}
	clear(c.index)
	for i := range c.words {
		c.words[i] = docWord{prev: c.words[i].prev[:0], next: c.words[i].next[:0]}
	}
	c.words = c.words[:0]
	nm := names()
	for _, ws := range sents {
		prev := hashStart
		for i, w := range ws {
			c.buf = appendLower(c.buf[:0], w)
			h := hashBytes(c.buf)
			k, ok := c.index[h]
			if !ok {
				k = len(c.words)
				c.index[h] = k
				if k < cap(c.words) {
					c.words = c.words[:k+1]
				} else {
					c.words = append(c.words, docWord{})
				}
			}
			d := &c.words[k]
			switch {
			case !capitalised(w):
				d.bits |= docLower
			case i > 0:
				d.bits |= docCapital
			}
			if d.bits>>2 < 3 {
				d.bits += 4
			}
			next := hashEnd
			if i+1 < len(ws) {
				c.buf = appendLower(c.buf[:0], ws[i+1])
				next = hashBytes(c.buf)
			}
			if capitalised(w) {
				if i > 0 && capitalised(ws[i-1]) {
					d.names |= uint64(nm[prev])
				}
				if i+1 < len(ws) && capitalised(ws[i+1]) {
					d.names |= uint64(nm[next]) << 2
				}
			}
			if len(d.prev) < maxDocContext && !slices.Contains(d.prev, prev) {
				d.prev = append(d.prev, prev)
			}
			if len(d.next) < maxDocContext && !slices.Contains(d.next, next) {
				d.next = append(d.next, next)
			}
			prev = h
		}
	}
}

// lookup returns what the document says of a word, nil if nothing.
func (c *docContext) lookup(lower uint64) *docWord {
	k, ok := c.index[lower]
	if !ok {
		return nil
	}
	return &c.words[k]
}

// docContexts returns the context of each training sentence's document
// (see treebank.Documents).
func docContexts(sents []treebank.Sentence, words [][]string) []docContext {
	docs := make([]docContext, len(sents))
	for _, run := range treebank.Documents(sents) {
		var c docContext
		c.build(words[run[0]:run[1]])
		for k := run[0]; k < run[1]; k++ {
			docs[k] = c
		}
	}
	return docs
}
