package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"dyad"
	"dyad/ingest"
)

// Handler runs the pipeline on one article; (*ingest.Pipeline).Add is one.
type Handler func(ctx context.Context, art dyad.Article) (ingest.Outcome, error)

// Worker pulls jobs from the queue and hands them to Handle.
//
// A job Handle accepts is acked. While a job is handled the worker tells
// the server it is at work on it, so only a dead worker's jobs are
// delivered again. A transient error (Retryable) keeps the job: the worker
// retries it in place after a backoff, so a store that is down for an hour
// stalls the workers instead of spending the job's deliveries. Any other error, or a
// panic, naks the job with a backoff so that it comes back later, maybe to
// another worker; on its MaxDeliver-th delivery it is recorded as failed
// with its reason and terminated. A job delivered more than MaxDeliver
// times (its workers died on it) is recorded and terminated unread.
type Worker struct {
	Name      string           // shown by Status; default host-pid, then host-pid-2…
	Handle    Handler          // required
	Retryable func(error) bool // reports transient errors; nil: none is
	Backoff   Backoff          // between attempts; zero: 250ms doubling up to 30s
	Log       io.Writer        // one line per retry and failure; nil: none
}

// Backoff is an exponential delay: Base after the first attempt, doubling
// after each next one, never more than Max.
type Backoff struct {
	Base, Max time.Duration
}

// Delay is the wait after the n-th attempt (n ≥ 1).
func (b Backoff) Delay(n int) time.Duration {
	d := b.Base
	for i := 1; i < n && d < b.Max; i++ {
		d *= 2
	}
	return min(d, b.Max)
}

// pollWait bounds one pull request, so a worker notices a server that went
// away and a stop without waiting long.
const pollWait = 5 * time.Second

// Work pulls and handles jobs until ctx is done; it then returns nil. A
// job being handled when ctx ends is given back to the queue. It returns
// an error only when the connection is closed for good.
func (q *Queue) Work(ctx context.Context, w Worker) error {
	if w.Handle == nil {
		return errors.New("queue: work: no handler")
	}
	w = w.withDefaults()
	st := &stats{status: WorkerStatus{Name: w.Name, Host: hostname(), PID: os.Getpid(), Started: time.Now().UTC()}}
	beat := q.heartbeat(ctx, st)
	defer beat()
	for pulls := 0; ctx.Err() == nil; {
		msg, err := q.next(ctx)
		switch {
		case ctx.Err() != nil:
			if msg != nil {
				_ = msg.Nak() // pulled as we stopped: let another worker have it
			}
		case errors.Is(err, nats.ErrConnectionClosed):
			return fmt.Errorf("queue: work on %s: %w", q.cfg.Stream, err)
		case err != nil: // the server is away or restarting: try again
			pulls++
			w.logf("pull from %s: %v; retrying", q.cfg.Stream, err)
			sleep(ctx, w.Backoff.Delay(pulls))
		case msg != nil:
			pulls = 0
			q.handle(ctx, &w, msg, st)
		}
	}
	return nil
}

func (w Worker) withDefaults() Worker {
	if w.Name == "" {
		w.Name = fmt.Sprintf("%s-%d", hostname(), os.Getpid())
		if n := workersStarted.Add(1); n > 1 {
			w.Name += fmt.Sprintf("-%d", n) // several workers in one process
		}
	}
	w.Name = keyUnsafe.ReplaceAllString(w.Name, "_")
	if w.Retryable == nil {
		w.Retryable = func(error) bool { return false }
	}
	if w.Backoff.Base <= 0 {
		w.Backoff.Base = 250 * time.Millisecond
	}
	if w.Backoff.Max <= 0 {
		w.Backoff.Max = 30 * time.Second
	}
	w.Backoff.Base = min(w.Backoff.Base, w.Backoff.Max)
	if w.Log == nil {
		w.Log = io.Discard
	}
	return w
}

func (w *Worker) logf(format string, args ...any) {
	fmt.Fprintf(w.Log, "worker %s: "+format+"\n", append([]any{w.Name}, args...)...)
}

// workersStarted counts the workers of this process without a name.
var workersStarted atomic.Int64

// keyUnsafe matches what may not stand in a key of a NATS KV bucket.
var keyUnsafe = regexp.MustCompile(`[^-/_=.a-zA-Z0-9]+`)

func hostname() string {
	h, err := os.Hostname()
	if err != nil {
		return "host"
	}
	return h
}

// next pulls one job, or none when none came within pollWait.
func (q *Queue) next(ctx context.Context) (jetstream.Msg, error) {
	fctx, cancel := context.WithTimeout(ctx, pollWait)
	defer cancel()
	batch, err := q.cons.Fetch(1, jetstream.FetchContext(fctx))
	if err != nil {
		return nil, err
	}
	for msg := range batch.Messages() {
		return msg, nil
	}
	if err := batch.Error(); err != nil && fctx.Err() == nil {
		return nil, err
	}
	return nil, nil
}

// handle runs one job to its end: ack, nak, or failure.
func (q *Queue) handle(ctx context.Context, w *Worker, msg jetstream.Msg, st *stats) {
	f := Failure{ID: msg.Headers().Get(jetstream.MsgIDHeader), Deliveries: 1}
	if md, err := msg.Metadata(); err == nil {
		f.Deliveries = int(md.NumDelivered)
		f.Sequence = md.Sequence.Stream
	}
	if f.Deliveries > q.cfg.MaxDeliver {
		f.Reason = fmt.Sprintf("delivered %d times without an outcome: its workers died or timed out", f.Deliveries)
		q.fail(ctx, w, msg, f, st)
		return
	}
	var art dyad.Article
	if err := json.Unmarshal(msg.Data(), &art); err != nil {
		f.Reason = "bad job: " + err.Error()
		q.fail(ctx, w, msg, f, st)
		return
	}
	f.ID, f.URL, f.Title = art.ID, art.URL, art.Title
	defer q.keepAlive(msg)()
	for attempt := 1; ; attempt++ {
		o, err := w.call(ctx, art)
		switch {
		case err == nil:
			// The ack must reach the server even when ctx just ended.
			actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), pollWait)
			if err := msg.DoubleAck(actx); err != nil {
				w.logf("article %s: ack: %v (it will be delivered again)", art.ID, err)
			}
			cancel()
			st.done(o)
			return
		case ctx.Err() != nil: // stopping: let another worker have it now
			_ = msg.Nak()
			return
		case w.Retryable(err):
			d := w.Backoff.Delay(attempt)
			w.logf("article %s: %v; retrying in %v", art.ID, err, d)
			st.retry()
			if !sleep(ctx, d) {
				_ = msg.Nak()
				return
			}
		case f.Deliveries >= q.cfg.MaxDeliver:
			f.Reason = err.Error()
			q.fail(ctx, w, msg, f, st)
			return
		default:
			d := w.Backoff.Delay(f.Deliveries)
			w.logf("article %s: delivery %d of %d: %v; again in %v", art.ID, f.Deliveries, q.cfg.MaxDeliver, err, d)
			st.retry()
			_ = msg.NakWithDelay(d)
			return
		}
	}
}

// keepAlive tells the server every AckWait/2 that msg is still being
// worked on, until the returned stop is called: AckWait then bounds how
// long a dead worker holds a job, not how long an article or a store
// outage may take.
func (q *Queue) keepAlive(msg jetstream.Msg) (stop func()) {
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(q.cfg.AckWait / 2)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				_ = msg.InProgress()
			case <-done:
				return
			}
		}
	}()
	return func() { close(done) }
}

// call runs the handler, turning a panic into an error.
func (w *Worker) call(ctx context.Context, art dyad.Article) (o ingest.Outcome, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return w.Handle(ctx, art)
}

// fail records f and terminates the job. When the record cannot be
// written the job is naked instead, to be recorded on its next delivery.
func (q *Queue) fail(ctx context.Context, w *Worker, msg jetstream.Msg, f Failure, st *stats) {
	f.Worker, f.At = w.Name, time.Now().UTC()
	key := keyUnsafe.ReplaceAllString(f.ID, "_")
	if key == "" {
		key = fmt.Sprintf("seq-%d", f.Sequence)
	}
	w.logf("article %s: failed after %d deliveries: %s", key, f.Deliveries, f.Reason)
	data, err := json.Marshal(f)
	if err == nil {
		_, err = q.failed.Put(context.WithoutCancel(ctx), key, data)
	}
	if err != nil {
		w.logf("article %s: record failure: %v", key, err)
		_ = msg.NakWithDelay(w.Backoff.Max)
		return
	}
	st.fail()
	_ = msg.TermWithReason(f.Reason)
}

// sleep waits d or until ctx is done, reporting whether it waited d.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// stats counts what a worker did, for its heartbeat.
type stats struct {
	mu     sync.Mutex
	status WorkerStatus
}

func (s *stats) done(o ingest.Outcome) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if o == ingest.New {
		s.status.New++
	} else {
		s.status.Duplicate++
	}
}

func (s *stats) retry() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.status.Retried++
}

func (s *stats) fail() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.status.Failed++
}

// heartbeat writes the worker's status to the workers bucket now and
// every Heartbeat until ctx is done. The returned stop waits for the last
// write and removes the worker from the bucket.
func (q *Queue) heartbeat(ctx context.Context, st *stats) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	put := func(now time.Time, last *WorkerStatus) {
		st.mu.Lock()
		cur := st.status
		st.mu.Unlock()
		cur.Seen = now.UTC()
		if !last.Seen.IsZero() {
			cur.Rate = float64(cur.New+cur.Duplicate-last.New-last.Duplicate) / now.Sub(last.Seen).Seconds()
		}
		if data, err := json.Marshal(cur); err == nil {
			_, _ = q.workers.Put(ctx, cur.Name, data) // best effort: a missed beat only dims status
		}
		*last = cur
	}
	go func() {
		defer close(done)
		var last WorkerStatus
		put(time.Now(), &last)
		t := time.NewTicker(q.cfg.Heartbeat)
		defer t.Stop()
		for {
			select {
			case now := <-t.C:
				put(now, &last)
			case <-ctx.Done():
				return
			}
		}
	}()
	return func() {
		cancel()
		<-done
		dctx, cancel := context.WithTimeout(context.Background(), pollWait)
		defer cancel()
		_ = q.workers.Delete(dctx, st.status.Name)
	}
}
