package extract_test

import (
	"os"
	"testing"
	"time"

	"dyad"
	"dyad/demo"
	"dyad/extract"
	"dyad/internal/shared"
	"dyad/lexicon"
)

// FuzzAnalyze checks that any text analyzes without panic and that every
// item points at the bytes it reports.
func FuzzAnalyze(f *testing.F) {
	for _, text := range demo.Texts() {
		f.Add(text)
	}
	f.Add("“Unclosed quote, he said")
	f.Add("$ 5 million. 5%% of $. President , said. Tel Aviv is")
	f.Add("President Mr. A B C D E F, an economist, said “x” said")
	a := extract.New(lexicon.Default())
	pub := time.Date(2026, 1, 27, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string) {
		an, err := a.Analyze(dyad.Article{Text: text, Published: pub})
		if err != nil {
			return
		}
		checkSpans(t, an)
		for _, m := range an.Mentions {
			if m.Actor != "" && !hasActor(an, m.Actor) {
				t.Errorf("mention %q names actor %q, which is not in the actors list", m.Text, m.Actor)
			}
		}
	})
}

// BenchmarkAnalyze measures analysis of the seed articles, or of the demo
// corpus when ../shared is absent.
func BenchmarkAnalyze(b *testing.B) {
	var texts []string
	if dir, ok := shared.Dir(); ok {
		for _, n := range []string{"000_e5365f8cfdf414ed.txt", "002_b4648b3c5ff1343d.txt"} {
			if data, err := os.ReadFile(dir + "/seeds/" + n); err == nil {
				texts = append(texts, string(data))
			}
		}
	}
	texts = append(texts, demo.Texts()...)
	a := extract.New(lexicon.Default())
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			if _, err := a.Analyze(dyad.Article{Text: t}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(texts))/b.Elapsed().Seconds(), "articles/s")
}
