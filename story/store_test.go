package story

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"dyad"
	"dyad/sqlite"
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
