// Package treebank reads annotated gold data for training and evaluating
// dyad's language models: CoNLL-U treebanks (UD, GUM, with GUM's entity
// annotations) and IOB2 entity files (Universal NER).
package treebank

import "strings"

// Token is one syntactic word of a sentence.
type Token struct {
	ID         int    // 1-based position in the sentence
	Form       string // the word as written
	Lemma      string
	UPOS       string // universal part of speech; "" when the data has none
	XPOS       string // language-specific (Penn) part of speech
	Head       int    // ID of the head, 0 for the root; -1 when the data has none
	Deprel     string // UD relation with subtype, "obl:tmod"
	SpaceAfter bool   // false when MISC says SpaceAfter=No
}

// Entity is a named entity over tokens [Start, End) (0-based indices into
// Sentence.Tokens).
type Entity struct {
	Start, End int
	Type       string // PER, ORG, LOC or MISC
}

// Sentence is one annotated sentence.
type Sentence struct {
	ID       string // sent_id, or file:line
	Text     string // the "# text =" comment, if any
	Tokens   []Token
	Entities []Entity // nil when the data has no entity annotation
	// HasEntities tells a sentence without entities from one whose source
	// does not annotate them.
	HasEntities bool
}

// Doc returns the document of a sentence whose ID has the form doc-N, as
// GUM and the UD English treebanks write them ("GUM_bio_byron-12"), or ""
// if the ID is not of that form.
func (s Sentence) Doc() string {
	k := strings.LastIndexByte(s.ID, '-')
	if k <= 0 || k == len(s.ID)-1 {
		return ""
	}
	for _, c := range s.ID[k+1:] {
		if c < '0' || c > '9' {
			return ""
		}
	}
	return s.ID[:k]
}

// Documents returns the runs of consecutive sentences of one document (see
// Sentence.Doc) as [start, end) ranges of sents; a sentence whose ID
// names no document is a run of its own.
func Documents(sents []Sentence) [][2]int {
	var runs [][2]int
	for i := 0; i < len(sents); {
		j := i + 1
		if d := sents[i].Doc(); d != "" {
			for j < len(sents) && sents[j].Doc() == d {
				j++
			}
		}
		runs = append(runs, [2]int{i, j})
		i = j
	}
	return runs
}

// Words returns the forms of the sentence's tokens.
func (s Sentence) Words() []string {
	w := make([]string, len(s.Tokens))
	for i, t := range s.Tokens {
		w[i] = t.Form
	}
	return w
}
