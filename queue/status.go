package queue

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Failure is an article that failed for good, as recorded by the worker
// that gave up on it.
type Failure struct {
	ID         string    `json:"id"`
	URL        string    `json:"url,omitempty"`
	Title      string    `json:"title,omitempty"`
	Reason     string    `json:"reason"`
	Deliveries int       `json:"deliveries"`
	Sequence   uint64    `json:"sequence"` // in the stream
	Worker     string    `json:"worker"`
	At         time.Time `json:"at"`
}

// WorkerStatus is one live worker's heartbeat.
type WorkerStatus struct {
	Name      string    `json:"name"`
	Host      string    `json:"host"`
	PID       int       `json:"pid"`
	Started   time.Time `json:"started"`
	Seen      time.Time `json:"seen"`
	New       int       `json:"new"`       // articles stored
	Duplicate int       `json:"duplicate"` // articles the store had already
	Retried   int       `json:"retried"`   // attempts that failed and were retried
	Failed    int       `json:"failed"`    // articles given up on
	Rate      float64   `json:"rate"`      // articles done per second since the previous heartbeat
}

// Status is the state of the queue.
type Status struct {
	Stream      string         `json:"stream"`
	Pending     uint64         `json:"pending"`     // jobs waiting for a worker
	InFlight    int            `json:"in_flight"`   // jobs delivered and not yet acked
	Redelivered int            `json:"redelivered"` // of those, delivered more than once
	Waiting     int            `json:"waiting"`     // pull requests waiting for a job: idle workers
	Rate        float64        `json:"rate"`        // articles per second, all workers
	Workers     []WorkerStatus `json:"workers"`     // by name
	Failed      []Failure      `json:"failed"`      // by time
}

// Status reads the consumer's counts, the workers' heartbeats and the
// failures.
func (q *Queue) Status(ctx context.Context) (Status, error) {
	info, err := q.cons.Info(ctx)
	if err != nil {
		return Status{}, fmt.Errorf("queue: status of %s: %w", q.cfg.Stream, err)
	}
	s := Status{
		Stream:      q.cfg.Stream,
		Pending:     info.NumPending,
		InFlight:    info.NumAckPending,
		Redelivered: info.NumRedelivered,
		Waiting:     info.NumWaiting,
	}
	if s.Workers, err = values[WorkerStatus](ctx, q.workers); err != nil {
		return Status{}, fmt.Errorf("queue: status of %s: workers: %w", q.cfg.Stream, err)
	}
	slices.SortFunc(s.Workers, func(a, b WorkerStatus) int { return strings.Compare(a.Name, b.Name) })
	for _, w := range s.Workers {
		s.Rate += w.Rate
	}
	if s.Failed, err = values[Failure](ctx, q.failed); err != nil {
		return Status{}, fmt.Errorf("queue: status of %s: failures: %w", q.cfg.Stream, err)
	}
	slices.SortFunc(s.Failed, func(a, b Failure) int { return a.At.Compare(b.At) })
	return s, nil
}

// values decodes the current value of every key in kv.
func values[T any](ctx context.Context, kv jetstream.KeyValue) ([]T, error) {
	w, err := kv.WatchAll(ctx, jetstream.IgnoreDeletes())
	if err != nil {
		return nil, err
	}
	defer w.Stop()
	var out []T
	for {
		select {
		case e := <-w.Updates():
			if e == nil { // the end of the current values
				return out, nil
			}
			var v T
			if err := json.Unmarshal(e.Value(), &v); err != nil {
				return nil, fmt.Errorf("key %s: %w", e.Key(), err)
			}
			out = append(out, v)
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}
