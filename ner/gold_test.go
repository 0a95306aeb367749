package ner

import (
	"strings"
	"testing"

	"dyad/eval"
	"dyad/text"
	"dyad/treebank"
)

// Floors on the embedded model, a little under the measured scores (see
// doc.go), so that a regression fails.
const (
	gumDevFloor = 0.84 // measured 0.8539, a document at a time
	newsFloor   = 0.90 // measured 0.9355; one entity is 3 points
)

// TestGUMDev scores the embedded model on GUM dev: exact span and type.
func TestGUMDev(t *testing.T) {
	dev := readGold(t, "gum/dev")
	sc := Default().evaluate(dev)
	t.Logf("GUM dev: %v", sc)
	if sc.F1 < gumDevFloor {
		t.Errorf("GUM dev F1 %.4f < floor %.4f", sc.F1, gumDevFloor)
	}
}

// news is our own news-style text in the domain of dyad's seed articles,
// with gold entities in brackets; countries and cities are LOC, as in
// UNER.
var news = []string{
	"Israeli Foreign Minister [PER Gideon Sa'ar] met Azerbaijani President [PER Ilham Aliyev] in [LOC Baku] on Tuesday.",
	"[PER Aliyev] said trade between [LOC Azerbaijan] and [LOC Israel] had passed $360 million last year.",
	"The [ORG United Nations Security Council] will meet in [LOC New York] on Friday, a spokesman said.",
	"[PER Recep Tayyip Erdogan] spoke by phone with [PER Vladimir Putin] about the war in [LOC Ukraine].",
	"Shares of [ORG Microsoft] rose 3 percent after the company reported strong earnings, [ORG Reuters] reported.",
	"[ORG NATO] Secretary General [PER Mark Rutte] arrived in [LOC Brussels] late on Monday.",
	"Iranian officials told the [ORG Tasnim] news agency that talks with the [ORG International Atomic Energy Agency] would resume.",
	"[LOC Tel Aviv] is seeking closer ties with [LOC Baku], according to a statement from the foreign ministry in [LOC Jerusalem].",
	"Protesters gathered outside the [ORG European Commission] as [PER Ursula von der Leyen] met farmers' leaders.",
	"[PER Antonio Guterres] called on [LOC Russia] and [LOC Ukraine] to protect civilians near [LOC Zaporizhzhia].",
	"President [PER Aliyev] received a delegation from [ORG Turkish Airlines] on Wednesday.",
	"[PER Sa’ar] thanked [PER Aliyev] for his hospitality and invited him to visit [LOC Jerusalem].",
}

func newsSentences() []treebank.Sentence {
	sents := make([]treebank.Sentence, len(news))
	for i, s := range news {
		sents[i] = bracketed(s)
	}
	return sents
}

// bracketed reads a sentence with entities written "[TYPE words]",
// tokenized by text.Tokenize.
func bracketed(s string) treebank.Sentence {
	var plain strings.Builder
	type span struct {
		start, end int
		typ        string
	}
	var spans []span
	for len(s) > 0 {
		switch {
		case s[0] == '[':
			typ, rest, _ := strings.Cut(s[1:], " ")
			spans = append(spans, span{start: plain.Len(), typ: typ})
			s = rest
		case s[0] == ']':
			spans[len(spans)-1].end = plain.Len()
			s = s[1:]
		default:
			plain.WriteByte(s[0])
			s = s[1:]
		}
	}
	sent := treebank.Sentence{Text: plain.String(), HasEntities: true}
	toks := text.Tokenize(sent.Text)
	for i, tk := range toks {
		sent.Tokens = append(sent.Tokens, treebank.Token{ID: i + 1, Form: tk.Text, Head: -1})
	}
	for _, sp := range spans {
		e := treebank.Entity{Start: -1, Type: sp.typ}
		for i, tk := range toks {
			if e.Start < 0 && tk.Start >= sp.start {
				e.Start = i
			}
			if tk.End <= sp.end {
				e.End = i + 1
			}
		}
		sent.Entities = append(sent.Entities, e)
	}
	return sent
}

func TestNews(t *testing.T) {
	r := Default()
	var gold, pred [][]treebank.Entity
	for _, s := range newsSentences() {
		w := s.Words()
		got := r.Recognize(w, nil)
		gold, pred = append(gold, s.Entities), append(pred, got)
		if testing.Verbose() {
			var marks []string
			for _, e := range got {
				marks = append(marks, e.Type+":"+strings.Join(w[e.Start:e.End], " "))
			}
			t.Logf("%s\n\t%s", s.Text, strings.Join(marks, ", "))
		}
	}
	sc := eval.ScoreEntities(gold, pred)
	t.Logf("news: %v", sc)
	if sc.F1 < newsFloor {
		t.Errorf("news F1 %.4f < floor %.4f", sc.F1, newsFloor)
	}
}

// BenchmarkRecognize measures the recognizer alone, on words already
// tagged as the pipeline tags them, and with the tagging included.
func BenchmarkRecognize(b *testing.B) {
	var words, upos [][]string
	tokens := 0
	for _, s := range readGold(b, "gum/dev") {
		w := s.Words()
		u, _ := text.DefaultTagger().Tag(w)
		words, upos = append(words, w), append(upos, u)
		tokens += len(w)
	}
	r := Default()
	for _, bc := range []struct {
		name string
		upos [][]string
	}{{"tagged", upos}, {"untagged", make([][]string, len(words))}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for i, w := range words {
					r.Recognize(w, bc.upos[i])
				}
			}
			b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}
