package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"dyad"
	dyadhttp "dyad/http"
	"dyad/story"
)

// Server timeouts: long enough for a large ingest, short enough that slow
// or idle clients cannot hold connections open.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 60 * time.Second
	writeTimeout      = 120 * time.Second
	idleTimeout       = 120 * time.Second
	shutdownTimeout   = 10 * time.Second
)

// runServe serves the HTTP API and the web UI until ctx is done.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	db := dbFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	token := fs.String("token", "", "bearer token that enables POST /api/articles (default $DYAD_TOKEN)")
	cors := fs.String("cors", "", "origin allowed to call the API from a browser")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{fmt.Errorf("unexpected argument %q", rest[0])}
	}
	if *token == "" {
		*token = os.Getenv("DYAD_TOKEN")
	}
	return withStore(ctx, *db, func(store dyad.Store) error {
		p, err := (*readFlags)(nil).pipeline(ctx, store)
		if err != nil {
			return err
		}
		stories := story.NewService(store, story.DefaultOptions())
		go func() {
			// Assign the articles stored since the last run to their
			// stories now, not in the first request that asks (about two
			// minutes for 100,000 new articles).
			if _, err := stories.Stories(ctx, dyad.Filter{Limit: 1}); err != nil && ctx.Err() == nil {
				warn(stderr, fmt.Sprintf("dyad serve: assigning stories: %v", err))
			}
		}()
		h := dyadhttp.New(dyadhttp.Config{
			Store: store, Ingester: p, Stories: stories,
			Token: *token, CORS: *cors,
			Log: log.New(stderr, "", log.LstdFlags),
		})
		ln, err := net.Listen("tcp", *addr)
		if err != nil {
			return err
		}
		if ip, ok := ln.Addr().(*net.TCPAddr); ok && !ip.IP.IsLoopback() {
			warn(stderr, fmt.Sprintf("dyad serve: listening on %s, reachable from other machines", ln.Addr()))
		}
		ingestState := "disabled (no --token)"
		if *token != "" {
			ingestState = "enabled with the token"
		}
		fmt.Fprintf(stdout, "dyad serving %s on http://%s/ (ingest %s)\n", *db, ln.Addr(), ingestState)
		return serve(ctx, ln, h)
	})
}

// serve serves h on ln until ctx is done, then shuts down gracefully.
func serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10,
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-done; !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	return err
}
