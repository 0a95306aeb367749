package queue

import (
	"context"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"dyad"
	"dyad/coder"
	"dyad/demo"
	"dyad/extract"
	"dyad/ingest"
	"dyad/lexicon"
	"dyad/source"
)

// demoArticles are n distinct articles made from the demo corpus, each
// text with a numbered last line so that every one is new to the store.
func demoArticles(b *testing.B, n int) []dyad.Article {
	var base []dyad.Article
	source.ReadFS(context.Background(), demo.Corpus, source.Options{}, func(it source.Item) {
		if it.Err != nil {
			b.Fatal(it.Err)
		}
		base = append(base, it.Article)
	})
	arts := make([]dyad.Article, n)
	for i := range arts {
		a := base[i%len(base)]
		a.Text += fmt.Sprintf("\n\nCorrection %d: an earlier version misspelled a name.", i)
		a.ID = source.ArticleID(a.Text)
		arts[i] = a
	}
	return arts
}

// cpuTime is the CPU time this process has used, user and system.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkIngest measures the ingest rate into one SQLite file with the
// full pipeline (analyze, code, store): directly, without the queue, and
// through the queue with one and two workers in this process, each with
// its own pipeline as separate worker processes would have. Run with a
// fixed count, e.g. -benchtime=300x.
func BenchmarkIngest(b *testing.B) {
	b.Run("direct", func(b *testing.B) {
		arts := demoArticles(b, b.N)
		p := benchPipelines(b, 1)[0]
		measure(b, func() {
			for _, a := range arts {
				if _, err := p.Add(context.Background(), a); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			url, cfg := startServer(b), testConfig(b)
			cfg.AckWait = time.Minute
			q := dial(b, url, cfg)
			publish(b, q, demoArticles(b, b.N))
			pipes := benchPipelines(b, workers)
			var stored atomic.Int64
			measure(b, func() {
				stop := runWorkers(b, q, workers, func(i int) Worker {
					return Worker{Handle: func(ctx context.Context, a dyad.Article) (ingest.Outcome, error) {
						o, err := pipes[i].Add(ctx, a)
						if o == ingest.New {
							stored.Add(1)
						}
						return o, err
					}}
				})
				waitFor(b, 10*time.Minute, "all articles stored", func() bool { return stored.Load() == int64(b.N) })
				stop()
			})
		})
	}
}

// benchPipelines are n pipelines storing into one new SQLite file.
func benchPipelines(b *testing.B, n int) []*ingest.Pipeline {
	st := openStore(b, filepath.Join(b.TempDir(), "dyad.db"))
	lex := lexicon.Default()
	pipes := make([]*ingest.Pipeline, n)
	for i := range pipes {
		pipes[i] = &ingest.Pipeline{Analyzer: extract.New(lex), Coder: coder.New(lex), Store: st}
	}
	return pipes
}

// measure times run, which ingests b.N articles, and reports the rate and
// the CPU time spent. With the CPU time a loaded machine does not hide
// whether two workers get in each other's way: if they do, each article
// costs more CPU.
func measure(b *testing.B, run func()) {
	b.ResetTimer()
	start, cpu0 := time.Now(), cpuTime(b)
	run()
	elapsed, cpu := time.Since(start), cpuTime(b)-cpu0
	b.StopTimer()
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "articles/s")
	b.ReportMetric(cpu.Seconds()/float64(b.N)*1000, "cpu-ms/article")
	b.ReportMetric(cpu.Seconds()/elapsed.Seconds(), "cpus")
}
