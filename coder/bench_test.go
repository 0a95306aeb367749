package coder_test

import (
	"context"
	"testing"

	"dyad"
	"dyad/coder"
	"dyad/demo"
	"dyad/extract"
	"dyad/source"
)

// demoArticles reads the bundled demo corpus.
func demoArticles(tb testing.TB) []dyad.Article {
	var arts []dyad.Article
	source.ReadFS(context.Background(), demo.Corpus, source.Options{}, func(it source.Item) {
		if it.Err != nil {
			tb.Fatal(it.Err)
		}
		arts = append(arts, it.Article)
	})
	return arts
}

// BenchmarkAnalyze and BenchmarkCode measure what coding adds to analysis,
// per article of the demo corpus:
//
//	go test ./coder -run XXX -bench . -cpu 1
func BenchmarkAnalyze(b *testing.B) {
	arts := demoArticles(b)
	a := extract.New(lex)
	b.ReportAllocs()
	for b.Loop() {
		for _, art := range arts {
			if _, err := a.Analyze(art); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(arts)), "ns/article")
}

func BenchmarkCode(b *testing.B) {
	arts := demoArticles(b)
	a, c := extract.New(lex), coder.New(lex)
	ans := make([]*dyad.Analysis, len(arts))
	for i, art := range arts {
		an, err := a.Analyze(art)
		if err != nil {
			b.Fatal(err)
		}
		ans[i] = an
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, an := range ans {
			if err := c.Code(an); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(arts)), "ns/article")
}
