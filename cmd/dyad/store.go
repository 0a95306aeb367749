package main

import (
	"context"
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
