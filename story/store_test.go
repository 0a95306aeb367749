package story

import (
	"cmp"
	"context"
	"errors"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"dyad"
	"dyad/sqlite"
	"dyad/storetest"

	gocmp "github.com/google/go-cmp/cmp"
)

// TestFromStore clusters the demo corpus as stored: its three stories,
// filtered by actor and outlet, each comparable.
func TestFromStore(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	byFile, order := demoAnalyses()
	for _, name := range order {
		if _, err := s.Put(ctx, byFile[name]); err != nil {
			t.Fatal(err)
		}
	}
	set, err := FromStore(ctx, s, dyad.Filter{}, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	all := set.Stories("", "")
	if len(all) != 3 {
		t.Fatalf("%d stories, want the demo's 3", len(all))
	}
	articles := 0
	for i, st := range all {
		articles += len(st.Articles)
		if i > 0 && st.Last.After(all[i-1].Last) {
			t.Errorf("story %s is later than the one before it", st.ID)
		}
		sum, c, err := set.Story(st.ID)
		if err != nil || sum.ID != st.ID || len(c.Voices) != len(st.Outlets) {
			t.Errorf("Compare(%s): %d voices for %d outlets, %v", st.ID, len(c.Voices), len(st.Outlets), err)
		}
	}
	if articles != len(order) {
		t.Errorf("%d articles in stories, want %d", articles, len(order))
	}
	if n := len(set.Stories("BFA", "")); n != 1 {
		t.Errorf("%d stories name Burkina Faso, want 1", n)
	}
	if n := len(set.Stories("", "meridian wire")); n != 3 {
		t.Errorf("%d stories covered by Meridian Wire, want 3", n)
	}
	if n := len(set.Stories("", "No Such Outlet")); n != 0 {
		t.Errorf("%d stories of an unknown outlet", n)
	}
	if _, _, err := set.Story("0123456789abcdef"); !errors.Is(err, dyad.ErrNotFound) {
		t.Errorf("Compare of an unknown story: %v, want ErrNotFound", err)
	}
}

// TestService assigns the demo corpus to stories as it arrives in parts,
// by one Service or by a new one per part (seeded from the store): the
// stories are those of clustering it all at once, each comparable.
func TestService(t *testing.T) {
	ctx := context.Background()
	byFile, order := demoAnalyses()
	ans := make([]*dyad.Analysis, len(order))
	for i, name := range order {
		ans[i] = byFile[name]
	}
	slices.SortStableFunc(ans, func(a, b *dyad.Analysis) int {
		return cmp.Or(a.Article.Published.Compare(b.Article.Published), cmp.Compare(a.Article.ID, b.Article.ID))
	})
	for _, tt := range []struct {
		name  string
		parts int
		fresh bool // a new Service per part
		plain bool // on a store that keeps no stories
	}{
		{"at once", 1, false, false},
		{"in three parts", 3, false, false},
		{"in three parts, restarted", 3, true, false},
		{"one by one, restarted", len(ans), true, false},
		{"clustered anew", 3, false, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var store dyad.Store = s
			if tt.plain {
				store = struct{ dyad.Store }{s}
			}
			sv := NewService(store, DefaultOptions())
			var got []dyad.Story
			for p := range tt.parts {
				for _, an := range ans[p*len(ans)/tt.parts : (p+1)*len(ans)/tt.parts] {
					if _, err := s.Put(ctx, an); err != nil {
						t.Fatal(err)
					}
				}
				if tt.fresh {
					sv = NewService(store, DefaultOptions())
				}
				if got, err = sv.Stories(ctx, dyad.Filter{}); err != nil {
					t.Fatal(err)
				}
			}
			set, err := FromStore(ctx, s, dyad.Filter{}, DefaultOptions())
			if err != nil {
				t.Fatal(err)
			}
			want := set.Stories("", "")
			if len(want) != 3 {
				t.Fatalf("FromStore: %d stories, want the demo's 3", len(want))
			}
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Errorf("Stories (-clustered at once +assigned):\n%s", diff)
			}
			for _, st := range want {
				_, wantC, _ := set.Story(st.ID)
				gotS, gotC, err := sv.Story(ctx, st.ID, dyad.Filter{})
				if err != nil || gotS.ID != st.ID || !gocmp.Equal(wantC, gotC) {
					t.Errorf("Story(%s): %s, %v; comparison differs: %v", st.ID, gotS.ID, err, !gocmp.Equal(wantC, gotC))
				}
			}
			for _, f := range []struct {
				f    dyad.Filter
				want int
			}{
				{dyad.Filter{Actor: "BFA"}, 1},
				{dyad.Filter{Outlet: "meridian wire"}, 3},
				{dyad.Filter{Outlet: "No Such Outlet"}, 0},
				{dyad.Filter{Limit: 2}, 2},
			} {
				if got, err := sv.Stories(ctx, f.f); err != nil || len(got) != f.want {
					t.Errorf("Stories(%+v): %d stories, %v; want %d", f.f, len(got), err, f.want)
				}
			}
			// Concurrent calls share the Service's state.
			var wg sync.WaitGroup
			for range 4 {
				wg.Go(func() {
					if _, err := sv.Stories(ctx, dyad.Filter{}); err != nil {
						t.Error(err)
					}
					if _, _, err := sv.Story(ctx, want[0].ID, dyad.Filter{}); err != nil {
						t.Error(err)
					}
				})
			}
			wg.Wait()
			if _, _, err := sv.Story(ctx, "0123456789abcdef", dyad.Filter{}); !errors.Is(err, dyad.ErrNotFound) {
				t.Errorf("Story of an unknown story: %v, want ErrNotFound", err)
			}
		})
	}
}

// TestServiceSeed restarts the Service in the middle of a story longer
// than the two windows it is seeded from: the articles that arrive after
// still join that story, by its ID.
func TestServiceSeed(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "seed.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Samples are copies of one text a minute apart: one story, as long
	// as they keep coming within the window.
	opt := DefaultOptions()
	opt.Window = time.Hour
	for part := range 2 {
		for i := part * 200; i < (part+1)*200; i++ {
			if _, err := s.Put(ctx, storetest.Sample(i)); err != nil {
				t.Fatal(err)
			}
		}
		got, err := NewService(s, opt).Stories(ctx, dyad.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if want := (part + 1) * 200; len(got) != 1 || got[0].ID != storetest.Sample(0).Article.ID || len(got[0].Articles) != want {
			t.Errorf("after part %d: %d stories, the first %+v; want one of %d articles from the first sample", part, len(got), got[0].ID, want)
		}
	}
}
