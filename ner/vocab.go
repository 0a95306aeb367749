package ner

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"slices"
	"unicode"
	"unicode/utf8"
)

// A vocab records, for each word of the training data (lower-cased,
// hashed as tok.lower), how it was seen there: in lower case, capitalised
// inside a sentence, and inside entities of which types. A capitalised
// word never seen in lower case opening a sentence ("Gloria developed
// ...") is likely a name; one seen only inside places is likely a place.
type vocab map[uint64]uint8

// Vocab bits. A word in the vocab always has seenAny, so 0 means unseen.
const (
	seenAny = 1 << iota
	seenLower
	seenCapital // capitalised, not first in its sentence
	seenOutside // capitalised outside any entity, not first in its sentence
	seenType    // seenType<<k: inside an entity of type k
)

// add adds the words of one sentence with its gold labels.
func (v vocab) add(words []string, gold []int, buf []byte) []byte {
	for i, w := range words {
		buf = appendLower(buf[:0], w)
		h := hashBytes(buf)
		b := v[h] | seenAny
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case !hasUpper(w):
			b |= seenLower
		case unicode.IsUpper(r) && i > 0:
			b |= seenCapital
			if gold[i] == 0 {
				b |= seenOutside
			}
		}
		if gold[i] != 0 {
			t, _ := split(gold[i])
			if t < 3 {
				b |= seenType << t
			}
		}
		v[h] = b
	}
	return buf
}

func hasUpper(w string) bool {
	for _, r := range w {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// vocabFolds returns, for each training sentence, the vocab of the other
// folds, and the vocab of all of them. Like the parts of speech (see
// jackknifeTags), the vocab a sentence sees in training must not contain
// its own words, or every training word would be known and its types
// always right. Folds are blocks of sentences in order, so a block holds
// whole documents.
func vocabFolds(words [][]string, gold [][]int) (per []vocab, all vocab) {
	n := len(words)
	fold := func(i int) int { return i * tagFolds / n }
	folds := make([]vocab, tagFolds)
	var buf []byte
	for f := range folds {
		folds[f] = vocab{}
		for i := range words {
			if fold(i) != f {
				buf = folds[f].add(words[i], gold[i], buf)
			}
		}
	}
	all = vocab{}
	for i := range words {
		buf = all.add(words[i], gold[i], buf)
	}
	per = make([]vocab, n)
	for i := range per {
		per[i] = folds[fold(i)]
	}
	return per, all
}

// write writes v as a count and (hash, bits) pairs in hash order.
func (v vocab) write(w io.Writer) error {
	keys := make([]uint64, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b := binary.AppendUvarint(nil, uint64(len(keys)))
	for _, k := range keys {
		b = binary.LittleEndian.AppendUint64(b, k)
		b = append(b, v[k])
	}
	_, err := w.Write(b)
	return err
}

// maxVocab bounds the count read, against a corrupt file.
const maxVocab = 1 << 24

func readVocab(r *bufio.Reader) (vocab, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil || n > maxVocab {
		return nil, errors.New("ner: bad vocabulary")
	}
	v := make(vocab, n)
	var e [9]byte
	for range n {
		if _, err := io.ReadFull(r, e[:]); err != nil {
			return nil, errors.New("ner: bad vocabulary")
		}
		v[binary.LittleEndian.Uint64(e[:8])] = e[8]
	}
	return v, nil
}
