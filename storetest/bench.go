package storetest

import (
	"context"
	"sync/atomic"
	"testing"

	"dyad"
)

// BenchmarkPut measures Put of new Sample analyses into s, one after the
// other and from GOMAXPROCS goroutines at once (as a worker pool would),
// and reports articles per second.
func BenchmarkPut(b *testing.B, s dyad.Store) {
	var next atomic.Int64 // Sample numbers stay unique across runs
	put := func(b *testing.B) {
		a := Sample(int(next.Add(1)))
		created, err := s.Put(context.Background(), a)
		if err != nil || !created {
			b.Errorf("Put(%s) = %v, %v", a.Article.ID, created, err)
		}
	}
	report := func(b *testing.B) {
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	}
	b.Run("serial", func(b *testing.B) {
		for b.Loop() {
			put(b)
		}
		report(b)
	})
	b.Run("parallel", func(b *testing.B) {
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				put(b)
			}
		})
		report(b)
	})
}
