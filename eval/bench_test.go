package eval_test

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"dyad/internal/shared"
	"dyad/ner"
	"dyad/text"
)

// BenchmarkPipeline runs what analysis runs on raw news text: sentence
// splitting and tokenizing, tagging, parsing and entity recognition of each
// text as a whole (Recognizer.Document), over the texts of
// ../shared/eval/ecbplus/dev.jsonl. Run it on one core:
//
//	go test ./eval -run XXX -bench Pipeline -cpu 1
func BenchmarkPipeline(b *testing.B) {
	f, err := os.Open(shared.Path(b, "eval/ecbplus/dev.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var docs []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var d struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d.Text)
	}
	tagger, parser, rec := text.DefaultTagger(), text.DefaultParser(), ner.Default()
	tokens := 0
	b.ReportAllocs()
	for b.Loop() {
		tokens = 0
		for _, doc := range docs {
			var sents, tags [][]string
			for _, sp := range text.Sentences(doc) {
				toks := text.TokenizeSpan(doc, sp)
				words := make([]string, len(toks))
				for i, t := range toks {
					words[i] = t.Text
				}
				upos, xpos := tagger.Tag(words)
				parser.Parse(words, upos, xpos)
				sents, tags = append(sents, words), append(tags, upos)
				tokens += len(words)
			}
			rec.Document(sents, tags) // names in the light of the whole text, as analysis does
		}
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(tokens), "tokens/op")
}
