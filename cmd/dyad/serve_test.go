package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe to read while the server writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var servingRE = regexp.MustCompile(`on (http://\S+)/ `)

// TestServe starts dyad serve with the token from DYAD_TOKEN, ingests one
// article through the API, reads it back, and stops the server by
// cancelling its context.
func TestServe(t *testing.T) {
	t.Setenv("DYAD_TOKEN", "tok")
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	done := make(chan error, 1)
	db := filepath.Join(t.TempDir(), "dyad.db")
	go func() { done <- runServe(ctx, []string{"--db", db, "--addr", "127.0.0.1:0"}, &stdout, &stderr) }()

	var base string
	for deadline := time.Now().Add(10 * time.Second); base == ""; {
		if m := servingRE.FindStringSubmatch(stdout.String()); m != nil {
			base = m[1]
		} else if time.Now().After(deadline) {
			cancel()
			t.Fatalf("server did not start: stdout %q, stderr %q, result %v", stdout.String(), stderr.String(), <-done)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(stdout.String(), "ingest enabled") {
		t.Errorf("startup line %q does not say ingest is enabled", stdout.String())
	}

	res, err := http.Get(base + "/healthz")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("GET /healthz: %v %v", res, err)
	}
	res.Body.Close()
	body := `{"title":"Talks","outlet":"Wire","published":"2026-05-01","text":"Talks\nTurkish President Recep Tayyip Erdogan met Indonesian Foreign Minister Sugiono in Ankara."}` + "\n"
	for _, tt := range []struct {
		auth string
		code int
	}{{"", 401}, {"Bearer tok", 201}} {
		req, _ := http.NewRequest(http.MethodPost, base+"/api/articles", strings.NewReader(body))
		if tt.auth != "" {
			req.Header.Set("Authorization", tt.auth)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tt.code {
			t.Errorf("POST /api/articles with %q = %d %s; want %d", tt.auth, res.StatusCode, b, tt.code)
		}
	}
	res, err = http.Get(base + "/api/articles?q=talks")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(b), `"title":"Talks"`) {
		t.Errorf("GET /api/articles?q=talks = %s; want the ingested article", b)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after its context ended; want nil", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop after its context ended")
	}
}

func TestServeUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "dyad.db")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"serve", "--db", db, "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"serve", "--db", db, "--addr", "127.0.0.1:notaport"}, 1, "notaport"},
	}
	for _, tt := range tests {
		r := dyadRun(t, tt.args...)
		if r.code != tt.code || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("dyad %s: exit %d, stderr %q; want exit %d mentioning %q", strings.Join(tt.args, " "), r.code, r.stderr, tt.code, tt.want)
		}
	}
}
