package main

import (
	"context"
	"net/url"
	"strings"

	"dyad"
	"dyad/postgres"
	"dyad/sqlite"
)

// openStore opens the store --db names: a postgres:// or postgresql://
// URL is a PostgreSQL database, anything else an SQLite file.
func openStore(ctx context.Context, db string) (dyad.Store, error) {
	if isPostgres(db) {
		return postgres.Open(ctx, db)
	}
	return sqlite.Open(ctx, db)
}

func isPostgres(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// shown is db as it may be printed: a PostgreSQL URL without its password.
func shown(db string) string {
	if u, err := url.Parse(db); err == nil && isPostgres(db) {
		return u.Redacted()
	}
	return db
}
