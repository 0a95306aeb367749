// Package postgres stores analyses in PostgreSQL, for a team or a cluster
// of workers sharing one store. It behaves as the sqlite package does (the
// storetest suite runs against both): same results, same order, same
// errors; Filter.Query is in FTS5 syntax here too (see fts.go for what
// differs).
//
// Every Put is one transaction that begins by inserting the article with
// ON CONFLICT DO NOTHING: of two workers putting the same article at once,
// the second waits for the first and then finds the article there. Actors
// are upserted in ID order so that concurrent Puts lock them in the same
// order and cannot deadlock.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a dyad.Store backed by a PostgreSQL database. It is safe for
// concurrent use, and several processes may share the database.
type Store struct {
	pool *pgxpool.Pool
}

// Open connects to the database named by dsn (a postgres:// URL or a
// key=value string) and brings its schema up to date. Several processes
// may open the same database at once: migrations run under an advisory
// lock.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		// The parse error quotes the DSN, password included: name neither.
		return nil, errors.New("postgres: open: invalid connection string")
	}
	name := cfg.ConnConfig.Database
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: open %s: %w", name, err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: open %s: %w", name, oneLine{err})
	}
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: migrate %s: %w", name, err)
	}
	return &Store{pool: pool}, nil
}

func migrate(ctx context.Context, pool *pgxpool.Pool) error {
	dir, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return err
	}
	db := stdlib.OpenDBFromPool(pool)
	defer db.Close()
	p, err := goose.NewProvider(goose.DialectPostgres, db, dir,
		goose.WithDisableGlobalRegistry(true), goose.WithSessionLocker(locker))
	if err != nil {
		return err
	}
	_, err = p.Up(ctx)
	return err
}

// Close closes the store's connections.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// Retryable reports whether err is transient: the server was unreachable,
// shut down or restarted, the connection broke, or the transaction lost a
// serialization or deadlock conflict. Put is idempotent, so retrying it
// after such an error is always safe, even when the error came after the
// commit reached the server. A cancelled context is not transient.
func Retryable(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	if pgErr, ok := errors.AsType[*pgconn.PgError](err); ok {
		switch pgErr.Code {
		case "40001", // serialization_failure
			"40P01", // deadlock_detected
			"53300", // too_many_connections
			"57P01", // admin_shutdown
			"57P02", // crash_shutdown
			"57P03": // cannot_connect_now
			return true
		}
		return strings.HasPrefix(pgErr.Code, "08") // connection_exception
	}
	if _, ok := errors.AsType[*pgconn.ConnectError](err); ok {
		return true
	}
	if _, ok := errors.AsType[net.Error](err); ok {
		return true
	}
	return pgconn.SafeToRetry(err) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE)
}

// oneLine is err with its message on one line: pgx lists each address it
// failed to connect to on a line of its own.
type oneLine struct{ err error }

func (e oneLine) Error() string { return strings.Join(strings.Fields(e.err.Error()), " ") }
func (e oneLine) Unwrap() error { return e.err }

// storedTime returns t as stored, to the second, or nil (NULL) for the
// zero time.
func storedTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Truncate(time.Second)
}

// boundTime returns a Filter bound. Stored times have whole seconds, so
// rounding a bound up to the next second keeps both "published >= since"
// and "published < until" as SQLite has them.
func boundTime(t time.Time) time.Time {
	t = t.UTC()
	if u := t.Truncate(time.Second); !u.Equal(t) {
		t = u.Add(time.Second)
	}
	return t
}

// timeDest scans a timestamptz (or NULL, as the zero time) into *t, in UTC.
type timeDest struct{ t *time.Time }

func (d timeDest) ScanTimestamptz(v pgtype.Timestamptz) error {
	*d.t = time.Time{}
	if v.Valid {
		*d.t = v.Time.UTC()
	}
	return nil
}
