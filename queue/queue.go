// Package queue spreads ingest work over a NATS JetStream work queue.
//
// Publishers put article jobs (a dyad.Article as JSON) on a work-queue
// stream, each with its article ID as Nats-Msg-Id so that the stream drops
// a second copy published within its duplicate window. Workers share one
// durable pull consumer: each pulls a job, runs the pipeline on it and acks.
// Delivery is at least once; the store's Put is idempotent by article ID, so
// a job delivered twice is stored once, and a job whose worker died before
// acking is delivered again after AckWait: nothing lost, nothing doubled.
//
// Two key-value buckets next to the stream keep what operators look at: the
// articles that failed for good, with their reasons, and one heartbeat per
// live worker with its counts and rate.
package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"dyad"
	"dyad/ingest"
)

// Config names the stream and sets its delivery rules. The zero value is
// the default deployment: every field left empty takes its default.
type Config struct {
	Stream     string        // stream name (default DYAD_ARTICLES)
	Subject    string        // subject jobs are published on (default dyad.articles)
	Consumer   string        // durable consumer the workers share (default dyad-workers)
	AckWait    time.Duration // how long a dead worker holds its job before it is delivered again (default 30s)
	MaxDeliver int           // deliveries of a failing job before a worker records it as failed (default 5)
	Duplicates time.Duration // window in which a second publish of an article is dropped (default 1h)
	Heartbeat  time.Duration // how often workers report; a worker silent for 3 beats is gone (default 5s)
}

func (c Config) withDefaults() Config {
	def := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	def(&c.Stream, "DYAD_ARTICLES")
	def(&c.Subject, "dyad.articles")
	def(&c.Consumer, "dyad-workers")
	if c.AckWait <= 0 {
		c.AckWait = 30 * time.Second
	}
	if c.MaxDeliver <= 0 {
		c.MaxDeliver = 5
	}
	if c.Duplicates <= 0 {
		c.Duplicates = time.Hour
	}
	if c.Heartbeat <= 0 {
		c.Heartbeat = 5 * time.Second
	}
	return c
}

// Queue is a connection to the work queue: the stream, the workers'
// consumer and the two buckets, created on first use.
type Queue struct {
	cfg     Config
	nc      *nats.Conn
	js      jetstream.JetStream
	cons    jetstream.Consumer
	failed  jetstream.KeyValue // article ID → Failure
	workers jetstream.KeyValue // worker name → WorkerStatus, expiring
}

// Dial connects to the NATS server at url and opens the queue, creating
// or updating the stream, the consumer and the buckets to match cfg.
func Dial(ctx context.Context, url string, cfg Config) (*Queue, error) {
	nc, err := nats.Connect(url, nats.Name("dyad"), nats.MaxReconnects(-1))
	if err != nil {
		return nil, fmt.Errorf("queue: connect %s: %w", url, err)
	}
	cfg = cfg.withDefaults()
	q, err := open(ctx, nc, cfg)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue: open %s on %s: %w", cfg.Stream, url, err)
	}
	return q, nil
}

// open creates the stream, the consumer and the buckets with the settings
// of cfg, or uses those that exist as they are: an operator may have
// edited them (replicas, limits), and one client's defaults must not undo
// that or another's.
func open(ctx context.Context, nc *nats.Conn, cfg Config) (*Queue, error) {
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, err
	}
	stream, err := createOrUse(jetstream.ErrStreamNameAlreadyInUse, func() (jetstream.Stream, error) {
		return js.CreateStream(ctx, jetstream.StreamConfig{
			Name:        cfg.Stream,
			Description: "dyad article jobs",
			Subjects:    []string{cfg.Subject},
			Retention:   jetstream.WorkQueuePolicy,
			Storage:     jetstream.FileStorage,
			Duplicates:  cfg.Duplicates,
		})
	}, func() (jetstream.Stream, error) { return js.Stream(ctx, cfg.Stream) })
	if err != nil {
		return nil, fmt.Errorf("stream: %w", err)
	}
	cons, err := createOrUse(jetstream.ErrConsumerExists, func() (jetstream.Consumer, error) {
		return stream.CreateConsumer(ctx, jetstream.ConsumerConfig{
			Durable:     cfg.Consumer,
			Description: "dyad workers",
			AckPolicy:   jetstream.AckExplicitPolicy,
			AckWait:     cfg.AckWait,
			// Workers count deliveries themselves (see Worker), so that
			// the job that exhausts them is recorded as failed, not
			// silently parked by the server.
			MaxDeliver:    -1,
			FilterSubject: cfg.Subject,
		})
	}, func() (jetstream.Consumer, error) { return stream.Consumer(ctx, cfg.Consumer) })
	if err != nil {
		return nil, fmt.Errorf("consumer: %w", err)
	}
	bucket := func(kc jetstream.KeyValueConfig) (jetstream.KeyValue, error) {
		return createOrUse(jetstream.ErrBucketExists,
			func() (jetstream.KeyValue, error) { return js.CreateKeyValue(ctx, kc) },
			func() (jetstream.KeyValue, error) { return js.KeyValue(ctx, kc.Bucket) })
	}
	failed, err := bucket(jetstream.KeyValueConfig{
		Bucket:      cfg.Stream + "_FAILED",
		Description: "dyad articles that failed for good, by article ID",
		Storage:     jetstream.FileStorage,
	})
	if err != nil {
		return nil, fmt.Errorf("failed bucket: %w", err)
	}
	workers, err := bucket(jetstream.KeyValueConfig{
		Bucket:      cfg.Stream + "_WORKERS",
		Description: "dyad worker heartbeats",
		TTL:         3 * cfg.Heartbeat,
		Storage:     jetstream.FileStorage, // outlives a server restart, as workers do
	})
	if err != nil {
		return nil, fmt.Errorf("workers bucket: %w", err)
	}
	return &Queue{cfg: cfg, nc: nc, js: js, cons: cons, failed: failed, workers: workers}, nil
}

// createOrUse creates a thing, or uses the one there when create fails
// with exists.
func createOrUse[T any](exists error, create, use func() (T, error)) (T, error) {
	t, err := create()
	if errors.Is(err, exists) {
		return use()
	}
	return t, err
}

// Close closes the connection. Publish waits for the stream's ack, so
// nothing published is in flight.
func (q *Queue) Close() {
	q.nc.Close()
}

// Publish puts art on the queue. It reports Duplicate when the stream
// already had a job with the same article ID within its duplicate window.
func (q *Queue) Publish(ctx context.Context, art dyad.Article) (ingest.Outcome, error) {
	if art.ID == "" {
		return 0, fmt.Errorf("queue: publish %q: article has no id", art.URL)
	}
	data, err := json.Marshal(art)
	if err != nil {
		return 0, fmt.Errorf("queue: publish %s: %w", art.ID, err)
	}
	ack, err := q.js.Publish(ctx, q.cfg.Subject, data, jetstream.WithMsgID(art.ID), jetstream.WithExpectStream(q.cfg.Stream))
	if err != nil {
		return 0, fmt.Errorf("queue: publish %s: %w", art.ID, err)
	}
	if ack.Duplicate {
		return ingest.Duplicate, nil
	}
	return ingest.New, nil
}
