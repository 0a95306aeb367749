package story

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"

	"dyad"
)

// synthetic returns n analyzed articles, 100 a day: each tells one of the
// 20 stories born that day or the two days before, in 200 words drawn from
// the story's 30 words and a general vocabulary, and names two of the
// story's actors, one of its figures, its person twice, its or the next
// story's person, and a place. Seeded: the same n gives the same articles.
func synthetic(n int) []*dyad.Analysis {
	r := rand.New(rand.NewPCG(7, uint64(n)))
	general := make([]string, 5000)
	for i := range general {
		general[i] = fmt.Sprintf("g%d", i)
	}
	countries := []string{"TUR", "IDN", "FRA", "DEU", "CHN", "USA", "BFA", "CIV", "ISR", "AZE", "IRN", "CZE"}
	out := make([]*dyad.Analysis, n)
	var b strings.Builder
	for i := range out {
		d := i / 100
		st := max(d-r.IntN(3), 0)*20 + r.IntN(20) // a story born today or up to two days ago
		b.Reset()
		for range 200 {
			if r.IntN(10) < 4 {
				fmt.Fprintf(&b, "s%dw%d ", st, r.IntN(30))
			} else {
				// Zipf-like: low ranks are common.
				b.WriteString(general[int(float64(len(general))*r.Float64()*r.Float64()*r.Float64())])
				b.WriteByte(' ')
			}
		}
		an := &dyad.Analysis{Article: dyad.Article{
			ID: fmt.Sprintf("a%d", i), Outlet: fmt.Sprintf("outlet%d", r.IntN(50)), Title: fmt.Sprintf("s%dw1 s%dw2 g%d", st, st, r.IntN(100)),
			Published: day0.Add(time.Duration(d)*24*time.Hour + time.Duration(r.IntN(86400))*time.Second), Text: b.String(),
		}}
		for k := range 2 {
			c := countries[(st+k*5)%len(countries)]
			an.Actors = append(an.Actors, dyad.Actor{ID: c, Code: c})
		}
		an.Figures = []dyad.Figure{{Value: float64(st%97 + 1), Unit: "people"}}
		an.Mentions = []dyad.Mention{
			{Text: fmt.Sprintf("Minister P%d", st), Type: dyad.PER}, {Text: fmt.Sprintf("P%d", st), Type: dyad.PER},
			{Text: fmt.Sprintf("Envoy P%d", st+r.IntN(2)), Type: dyad.PER}, {Text: fmt.Sprintf("Town%d", st%300), Type: dyad.LOC},
		}
		out[i] = an
	}
	return out
}

// BenchmarkCluster clusters 10,000 analyzed articles per op. Run it on one
// core:
//
//	go test ./story -run XXX -bench Cluster -benchmem -cpu 1
func BenchmarkCluster(b *testing.B) {
	ans := synthetic(10000)
	b.ReportAllocs()
	for b.Loop() {
		c := NewClusterer(DefaultOptions())
		for _, an := range ans {
			c.Add(an)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(ans)), "ns/article")
}

// heapAfter returns the live heap after clustering n synthetic articles,
// in bytes, and the number of active stories. The articles are dropped as
// they are added: they are the caller's memory, not the clusterer's.
func heapAfter(n int) (uint64, int) {
	ans := synthetic(n)
	c := NewClusterer(DefaultOptions())
	for i, an := range ans {
		c.Add(an)
		ans[i] = nil
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	runtime.KeepAlive(c)
	return m.HeapAlloc, len(c.Stories())
}

// BenchmarkClusterMemory reports the live heap after clustering 10,000 and
// 20,000 articles (generating them included in the time): with a fixed
// window it stays flat.
func BenchmarkClusterMemory(b *testing.B) {
	for _, n := range []int{10000, 20000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var heap uint64
			for b.Loop() {
				heap, _ = heapAfter(n)
			}
			b.ReportMetric(float64(heap)/(1<<20), "heap-MB")
		})
	}
}

// TestMemoryFlat: twice the corpus in a fixed window does not grow the
// clusterer.
func TestMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("clusters 6,000 articles")
	}
	h1, s1 := heapAfter(2000)
	h2, s2 := heapAfter(4000)
	t.Logf("heap after 2,000 articles %.1f MB (%d active stories), after 4,000 %.1f MB (%d)", float64(h1)/(1<<20), s1, float64(h2)/(1<<20), s2)
	if float64(h2) > 1.25*float64(h1)+(1<<20) {
		t.Errorf("heap grew from %d to %d bytes for twice the articles", h1, h2)
	}
}
