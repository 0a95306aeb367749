package http

import (
	"context"
	"io"
	"log"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"dyad/source"
	"dyad/story"
)

// TestBrowser runs the UI's browser test (ui/e2e/run.mjs) in headless
// Chromium against a server seeded with the demo corpus that clusters
// stories as dyad serve does, and against the shared test server, which
// has no story clustering, for the pages saying so. It skips when
// node, Chromium or the UI's node_modules (npm ci --prefix http/ui) are
// missing. Screenshots go to $DYAD_SCREENSHOTS, or a temporary directory
// the test names.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("browser test needs node")
	}
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("browser test needs Chromium at %s (apt-get install chromium)", chromium)
	}
	if _, err := os.Stat("ui/node_modules/playwright-core"); err != nil {
		t.Skip("browser test needs playwright-core: npm ci --prefix http/ui")
	}
	shots := os.Getenv("DYAD_SCREENSHOTS")
	if shots == "" {
		if shots, err = os.MkdirTemp("", "dyad-screenshots-"); err != nil {
			t.Fatal(err)
		}
	} else if shots, err = filepath.Abs(shots); err == nil {
		err = os.MkdirAll(shots, 0o755)
	}
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(Config{Store: shared, Log: log.New(io.Discard, "", 0),
		Stories: story.Service{Store: shared, Options: story.DefaultOptions()}}))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "e2e/run.mjs")
	cmd.Dir = "ui"
	cmd.Env = append(os.Environ(), "DYAD_URL="+srv.URL, "DYAD_NO_STORIES_URL="+sharedSrv.URL, "DYAD_SCRIPT_ID="+source.ArticleID(scriptText),
		"DYAD_SCREENSHOTS="+shots, "CHROMIUM="+chromium)
	out, err := cmd.CombinedOutput()
	t.Logf("screenshots in %s\n%s", shots, out)
	if err != nil {
		t.Fatalf("browser test: %v", err)
	}
}
