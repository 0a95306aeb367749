package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSeeds reads the seed articles, which are kept out of the repository:
// a title line, then the text.
func TestSeeds(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "seeds")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("seed articles not found in %s", dir)
	}
	items := read(t, dir, Options{})
	if len(items) == 0 {
		t.Fatal("no seed articles read")
	}
	for _, it := range items {
		if it.Err != nil {
			t.Errorf("%s: %v", it.Input, it.Err)
			continue
		}
		raw, err := os.ReadFile(it.Input)
		if err != nil {
			t.Fatal(err)
		}
		title, text, _ := strings.Cut(string(raw), "\n")
		if it.Article.Title != strings.TrimSpace(title) || it.Article.Text != strings.TrimSpace(text) {
			t.Errorf("%s: title %q and text not as in the file", it.Input, it.Article.Title)
		}
	}
}
