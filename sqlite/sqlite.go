// Package sqlite stores analyses in an embedded SQLite file (pure Go,
// modernc.org/sqlite) with an FTS5 index over article titles and texts.
//
// A Store holds two connection pools on the same file: one connection for
// writes, so concurrent Puts queue in Go instead of failing with
// SQLITE_BUSY, and a pool of read-only connections that, thanks to WAL
// mode, read in parallel with each other and with the writer.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path/filepath"
	"runtime"
	"time"

	"github.com/pressly/goose/v3"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a dyad.Store backed by one SQLite file. It is safe for
// concurrent use.
type Store struct {
	w  *sql.DB // exactly one connection: writes are serialized here
	ws *writeStmts
	r  *sql.DB // read-only connections
	// common is the number of matches from which a full-text query is
	// common: its articles are found by walking the articles in order
	// rather than by listing all its matches first.
	common int
}

// timeFormat stores times as RFC 3339 UTC text of fixed width, so that
// text order is time order in comparisons and ORDER BY.
const timeFormat = "2006-01-02T15:04:05Z"

// busyTimeout is how long a connection waits for another process's lock
// on the file before giving up.
const busyTimeout = 10 * time.Second

// Open opens the store at path, creating the file if needed, and brings
// its schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	// synchronous=NORMAL is safe with WAL (no corruption; a power loss
	// may drop the last commits) and makes each commit much cheaper.
	w, err := openDB(ctx, abs, "immediate",
		"busy_timeout", "foreign_keys(1)", "journal_mode(WAL)", "synchronous(NORMAL)")
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	if err := migrate(ctx, w); err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: migrate %s: %w", path, err)
	}
	ws, err := prepareWrites(ctx, w)
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	r, err := openDB(ctx, abs, "", "busy_timeout", "foreign_keys(1)", "query_only(1)")
	if err != nil {
		ws.close()
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	r.SetMaxOpenConns(max(4, runtime.NumCPU()))
	r.SetMaxIdleConns(max(4, runtime.NumCPU()))
	return &Store{w: w, ws: ws, r: r, common: 1000}, nil
}

// openDB opens a pool on the file at the absolute path abs; every
// connection runs the given pragmas and begins transactions with txlock.
func openDB(ctx context.Context, abs, txlock string, pragmas ...string) (*sql.DB, error) {
	q := url.Values{}
	for _, p := range pragmas {
		if p == "busy_timeout" {
			p = fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds())
		}
		q.Add("_pragma", p)
	}
	if txlock != "" {
		// BEGIN IMMEDIATE takes the write lock up front, so a transaction
		// never has to be retried because another process wrote first.
		q.Set("_txlock", txlock)
	}
	// A file: URI escapes characters such as '?' in the path, which the
	// driver would otherwise take for the start of the parameters.
	dsn := (&url.URL{Scheme: "file", Path: abs, RawQuery: q.Encode()}).String()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func migrate(ctx context.Context, db *sql.DB) error {
	dir, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, db, dir, goose.WithDisableGlobalRegistry(true))
	if err != nil {
		return err
	}
	_, err = p.Up(ctx)
	return err
}

// Close closes the store.
func (s *Store) Close() error {
	return errors.Join(s.r.Close(), s.ws.close(), s.w.Close())
}

// formatTime returns t as stored, or nil (NULL) for the zero time.
func formatTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(timeFormat)
}

// boundTime formats a Filter bound. Stored times have whole seconds, so
// rounding a bound up to the next second keeps both "published >= since"
// and "published < until" exact.
func boundTime(t time.Time) string {
	t = t.UTC()
	if u := t.Truncate(time.Second); !u.Equal(t) {
		t = u.Add(time.Second)
	}
	return t.Format(timeFormat)
}

// timeDest scans a stored time (or NULL, as the zero time) into *t.
type timeDest struct{ t *time.Time }

func (d timeDest) Scan(src any) error {
	var s string
	switch v := src.(type) {
	case nil:
		*d.t = time.Time{}
		return nil
	case string:
		s = v
	case []byte:
		s = string(v)
	default:
		return fmt.Errorf("time column holds %T", src)
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return err
	}
	*d.t = t
	return nil
}
