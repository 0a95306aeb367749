// Package eval scores dyad's analyses against gold data.
package eval

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"

	"dyad/treebank"
)

// PRF is precision, recall and F1 from counts of gold, predicted and
// correct items.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Gold      int     `json:"gold"`
	Pred      int     `json:"pred"`
	Correct   int     `json:"correct"`
}

// NewPRF computes the scores from the counts; a score with a zero
// denominator is 0.
func NewPRF(gold, pred, correct int) PRF {
	s := PRF{Gold: gold, Pred: pred, Correct: correct}
	if pred > 0 {
		s.Precision = float64(correct) / float64(pred)
	}
	if gold > 0 {
		s.Recall = float64(correct) / float64(gold)
	}
	if gold+pred > 0 {
		s.F1 = 2 * float64(correct) / float64(gold+pred)
	}
	return s
}

// NER is entity recognition scored by exact span and type, overall and by
// type.
type NER struct {
	PRF
	ByType map[string]PRF `json:"by_type"`
}

// String gives the scores as percentages, overall and by type.
func (n NER) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "P %.2f R %.2f F1 %.2f", 100*n.Precision, 100*n.Recall, 100*n.F1)
	for _, t := range slices.Sorted(maps.Keys(n.ByType)) {
		s := n.ByType[t]
		fmt.Fprintf(&b, "; %s P %.2f R %.2f F1 %.2f", t, 100*s.Precision, 100*s.Recall, 100*s.F1)
	}
	return b.String()
}

// NLP holds the scores of a tokenizer, tagger, parser and entity
// recognizer on a treebank; accuracies are fractions in [0, 1].
type NLP struct {
	Sentences int     `json:"sentences"`
	Words     int     `json:"words"`
	Tokens    float64 `json:"tokens"` // tokenizer F1 against the gold words
	UPOS      float64 `json:"upos"`
	XPOS      float64 `json:"xpos"`
	UAS       float64 `json:"uas"`
	LAS       float64 `json:"las"`
	NER       *NER    `json:"ner,omitempty"` // nil when the gold has no entities
}

// Models are the analyzers to score; a nil one is skipped and its scores
// stay 0.
type Models struct {
	Tokenize func(text string) []string
	// Tag tags gold words. When it is nil, Parse and Entities get the gold
	// tags.
	Tag      func(words []string) (upos, xpos []string)
	Parse    func(words, upos, xpos []string) (heads []int, rels []string)
	Entities func(words, upos []string) []treebank.Entity
	// Document, when set, is used instead of Entities on the sentences of
	// each document (see treebank.Sentence.Doc) at once.
	Document func(words, upos [][]string) [][]treebank.Entity
}

// EvaluateNLP runs m over the gold sentences and scores it, following the
// CoNLL 2018 shared task: tagging, parsing and entity recognition run on
// the gold words; the parser gets the predicted tags when m.Tag is set;
// UAS and LAS count every word, punctuation included, and LAS compares the
// universal relation (the part before ":"). Tokens is the F1 of the
// tokenizer's tokens against the gold words over each sentence's text,
// matched by character offsets with whitespace ignored (sentences without
// text are skipped). Entities are scored on the sentences that annotate
// them (HasEntities).
func EvaluateNLP(gold []treebank.Sentence, m Models) NLP {
	var (
		out                     = NLP{Sentences: len(gold)}
		nUPOS, okUPOS           int
		nXPOS, okXPOS           int
		nDep, okUAS, okLAS      int
		tokGold, tokPred, tokOK int
		goldEnts, predEnts      [][]treebank.Entity
		upos, xpos              []string
		docWords, docUPOS       [][]string // the document's, for m.Document
	)
	for _, run := range treebank.Documents(gold) {
		for _, s := range gold[run[0]:run[1]] {
			words := s.Words()
			out.Words += len(words)
			if m.Tokenize != nil && s.Text != "" {
				g, p, c := matchTokens(s.Text, words, m.Tokenize(s.Text))
				tokGold, tokPred, tokOK = tokGold+g, tokPred+p, tokOK+c
			}
			upos, xpos = upos[:0], xpos[:0]
			for _, t := range s.Tokens {
				upos, xpos = append(upos, t.UPOS), append(xpos, t.XPOS)
			}
			if m.Tag != nil {
				pu, px := m.Tag(words)
				for i, t := range s.Tokens {
					if t.UPOS != "" {
						nUPOS++
						if at(pu, i) == t.UPOS {
							okUPOS++
						}
					}
					if t.XPOS != "" {
						nXPOS++
						if at(px, i) == t.XPOS {
							okXPOS++
						}
					}
				}
				upos, xpos = pu, px
			}
			if m.Parse != nil {
				heads, rels := m.Parse(words, upos, xpos)
				for i, t := range s.Tokens {
					if t.Head < 0 {
						continue
					}
					nDep++
					if i < len(heads) && heads[i] == t.Head {
						okUAS++
						if universal(at(rels, i)) == universal(t.Deprel) {
							okLAS++
						}
					}
				}
			}
			switch {
			case !s.HasEntities:
			case m.Document != nil:
				goldEnts = append(goldEnts, s.Entities)
				docWords, docUPOS = append(docWords, words), append(docUPOS, slices.Clone(upos))
			case m.Entities != nil:
				goldEnts = append(goldEnts, s.Entities)
				predEnts = append(predEnts, m.Entities(words, upos))
			}
		}
		if len(docWords) > 0 {
			predEnts = append(predEnts, m.Document(docWords, docUPOS)...)
			docWords, docUPOS = nil, nil
		}
	}
	out.Tokens = NewPRF(tokGold, tokPred, tokOK).F1
	out.UPOS, out.XPOS = ratio(okUPOS, nUPOS), ratio(okXPOS, nXPOS)
	out.UAS, out.LAS = ratio(okUAS, nDep), ratio(okLAS, nDep)
	if goldEnts != nil {
		n := ScoreEntities(goldEnts, predEnts)
		out.NER = &n
	}
	return out
}

// ScoreEntities scores predicted entities against gold ones, sentence by
// sentence: an entity is correct when one in gold has the same span and
// type.
func ScoreEntities(gold, pred [][]treebank.Entity) NER {
	type count struct{ gold, pred, correct int }
	var all count
	by := map[string]*count{}
	tally := func(typ string) *count {
		c := by[typ]
		if c == nil {
			c = &count{}
			by[typ] = c
		}
		return c
	}
	want := map[treebank.Entity]int{}
	for i := range max(len(gold), len(pred)) {
		clear(want)
		for _, e := range at(gold, i) {
			want[e]++
			all.gold++
			tally(e.Type).gold++
		}
		for _, e := range at(pred, i) {
			all.pred++
			c := tally(e.Type)
			c.pred++
			if want[e] > 0 {
				want[e]--
				all.correct++
				c.correct++
			}
		}
	}
	n := NER{PRF: NewPRF(all.gold, all.pred, all.correct), ByType: map[string]PRF{}}
	for typ, c := range by {
		n.ByType[typ] = NewPRF(c.gold, c.pred, c.correct)
	}
	return n
}

// matchTokens counts the gold words, the predicted tokens and those of
// them with the same span of text, whitespace ignored.
func matchTokens(text string, gold, pred []string) (nGold, nPred, correct int) {
	bare := stripSpace(text)
	g, p := spans(bare, gold), spans(bare, pred)
	for i, j := 0, 0; i < len(g) && j < len(p); {
		switch {
		case g[i] == p[j]:
			correct++
			i++
			j++
		case g[i][0] < p[j][0] || g[i][0] == p[j][0] && g[i][1] < p[j][1]:
			i++
		default:
			j++
		}
	}
	return len(gold), len(pred), correct
}

// spans locates the tokens, in order, in bare (text without whitespace);
// a token not found is left out.
func spans(bare string, toks []string) [][2]int {
	out := make([][2]int, 0, len(toks))
	pos := 0
	for _, t := range toks {
		t = stripSpace(t)
		k := strings.Index(bare[pos:], t)
		if t == "" || k < 0 {
			continue
		}
		out = append(out, [2]int{pos + k, pos + k + len(t)})
		pos += k + len(t)
	}
	return out
}

func stripSpace(s string) string {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	return strings.Join(strings.Fields(s), "")
}

// universal returns a UD relation without its subtype: "obl" for
// "obl:tmod".
func universal(rel string) string {
	r, _, _ := strings.Cut(rel, ":")
	return r
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// at returns s[i], or the zero value when i is out of range, so that a
// model returning too few results scores them as wrong instead of
// panicking.
func at[T any](s []T, i int) T {
	var zero T
	if i < 0 || i >= len(s) {
		return zero
	}
	return s[i]
}
