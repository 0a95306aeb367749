package http

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http/httptest"
	"os"
	"testing"

	"dyad/ingest"
	"dyad/sqlite"
)

// The package's tests share one store seeded with the demo corpus and the
// script article; they only read it (ingest tests use their own).
var (
	shared     *sqlite.Store
	sharedPipe *ingest.Pipeline
	sharedSrv  *httptest.Server
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	dir, err := os.MkdirTemp("", "dyad-http-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	shared, sharedPipe, err = seed(context.Background(), dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "seed the test store:", err)
		return 1
	}
	defer shared.Close()
	sharedSrv = httptest.NewServer(New(Config{Store: shared, Log: log.New(io.Discard, "", 0)}))
	defer sharedSrv.Close()
	return m.Run()
}
