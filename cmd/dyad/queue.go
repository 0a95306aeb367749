package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"time"

	"dyad"
	"dyad/ingest"
	"dyad/postgres"
	"dyad/queue"
	"dyad/render"
	"dyad/source"
	"dyad/sqlite"
)

// defaultQueue is where a local NATS server listens.
const defaultQueue = "nats://127.0.0.1:4222"

// publishAll reads inputs and puts their articles on the work queue at
// url instead of storing them: New counts jobs queued, Duplicate jobs the
// queue already had. A bad input is reported and counted as failed; the
// rest go on.
func publishAll(ctx context.Context, url string, inputs []string, opts source.Options, stderr io.Writer) (ingest.Summary, error) {
	var sum ingest.Summary
	q, err := queue.Dial(ctx, url, queue.Config{})
	if err != nil {
		return sum, err
	}
	defer q.Close()
	for _, in := range inputs {
		source.Read(ctx, in, opts, func(it source.Item) {
			if ctx.Err() != nil {
				return
			}
			var o ingest.Outcome
			err := it.Err
			if err == nil {
				o, err = q.Publish(ctx, it.Article)
			}
			sum.Count(o, err)
			if err != nil {
				warn(stderr, it.Input+": "+err.Error())
			}
		})
	}
	return sum, nil
}

func runWorker(ctx context.Context, args []string, _, stderr io.Writer) error {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	qurl := fs.String("queue", defaultQueue, "NATS server `URL`")
	db := dbFlag(fs)
	embedded := fs.Bool("embedded-nats", false, "run the NATS server in this process, listening on the --queue address")
	natsDir := fs.String("nats-dir", "dyad-nats", "`DIR` where the embedded NATS server keeps its streams")
	maxDeliver := fs.Int("max-deliver", 5, "deliveries of a failing article before it is recorded as failed")
	name := fs.String("name", "", "worker `NAME` shown by dyad status (default host-pid)")
	rf := addReadFlags(fs)
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{fmt.Errorf("unexpected argument %q", rest[0])}
	}
	if *maxDeliver < 1 {
		return usageError{fmt.Errorf("--max-deliver %d: want at least 1", *maxDeliver)}
	}
	if *embedded {
		u, err := url.Parse(*qurl)
		if err != nil || u.Host == "" {
			return usageError{fmt.Errorf("--queue %q: want a URL such as %s", *qurl, defaultQueue)}
		}
		srv, err := queue.RunEmbedded(u.Host, *natsDir)
		if err != nil {
			return err
		}
		defer srv.WaitForShutdown()
		defer srv.Shutdown()
		*qurl = srv.ClientURL()
	}
	q, err := queue.Dial(ctx, *qurl, queue.Config{MaxDeliver: *maxDeliver})
	if err != nil {
		return err
	}
	defer q.Close()
	return withStore(ctx, *db, func(store dyad.Store) error {
		p, err := rf.pipeline(ctx, store)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "dyad worker: articles from %s into %s; interrupt to stop\n", *qurl, shown(*db))
		return q.Work(ctx, queue.Worker{Name: *name, Handle: p.Add, Retryable: retryable, Log: stderr})
	})
}

// retryable reports a store error that may pass if the same write is
// tried again, in either store.
func retryable(err error) bool {
	return sqlite.Retryable(err) || postgres.Retryable(err)
}

func runStatus(ctx context.Context, args []string, stdout, _ io.Writer) error {
	fs := flag.NewFlagSet("status", flag.ContinueOnError)
	qurl := fs.String("queue", defaultQueue, "NATS server `URL`")
	asJSON := fs.Bool("json", false, "print the status as one JSON object")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{fmt.Errorf("unexpected argument %q", rest[0])}
	}
	q, err := queue.Dial(ctx, *qurl, queue.Config{})
	if err != nil {
		return err
	}
	defer q.Close()
	s, err := q.Status(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(s)
	}
	fmt.Fprintf(stdout, "queue %s on %s\n", s.Stream, *qurl)
	fmt.Fprintf(stdout, "pending %d, in flight %d (redelivered %d), rate %.1f articles/s\n",
		s.Pending, s.InFlight, s.Redelivered, s.Rate)
	fmt.Fprintf(stdout, "\nworkers: %d\n", len(s.Workers))
	if len(s.Workers) > 0 {
		if err := render.Records(stdout, render.Table, s.Workers, workerCols(time.Now())); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "\nfailed: %d\n", len(s.Failed))
	if len(s.Failed) > 0 {
		return render.Records(stdout, render.Table, s.Failed, failureCols)
	}
	return nil
}

func workerCols(now time.Time) []render.Column[queue.WorkerStatus] {
	count := func(f func(queue.WorkerStatus) int) func(queue.WorkerStatus) string {
		return func(w queue.WorkerStatus) string { return strconv.Itoa(f(w)) }
	}
	return []render.Column[queue.WorkerStatus]{
		{Name: "name", Value: func(w queue.WorkerStatus) string { return w.Name }},
		{Name: "up", Value: func(w queue.WorkerStatus) string { return now.Sub(w.Started).Round(time.Second).String() }},
		{Name: "new", Value: count(func(w queue.WorkerStatus) int { return w.New })},
		{Name: "duplicate", Value: count(func(w queue.WorkerStatus) int { return w.Duplicate })},
		{Name: "retried", Value: count(func(w queue.WorkerStatus) int { return w.Retried })},
		{Name: "failed", Value: count(func(w queue.WorkerStatus) int { return w.Failed })},
		{Name: "rate/s", Value: func(w queue.WorkerStatus) string { return strconv.FormatFloat(w.Rate, 'f', 1, 64) }},
	}
}

var failureCols = []render.Column[queue.Failure]{
	{Name: "id", Value: func(f queue.Failure) string { return f.ID }},
	{Name: "at", Value: func(f queue.Failure) string { return f.At.Format(time.RFC3339) }},
	{Name: "deliveries", Value: func(f queue.Failure) string { return strconv.Itoa(f.Deliveries) }},
	{Name: "reason", Value: func(f queue.Failure) string { return f.Reason }},
	{Name: "url", Value: func(f queue.Failure) string { return f.URL }},
}
