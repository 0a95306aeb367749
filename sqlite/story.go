package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"dyad"
)

var _ dyad.StoryStore = (*Store)(nil)

// Unassigned returns the IDs of up to limit articles that have no story,
// in publication order, from the partial index articles_unassigned.
func (s *Store) Unassigned(ctx context.Context, limit int) ([]string, error) {
	return collect(ctx, s, `SELECT id FROM articles INDEXED BY articles_unassigned
		WHERE story IS NULL ORDER BY published, id LIMIT ?`, []any{limit}, scanString)
}

// SetStories records the story of each article in one transaction.
func (s *Store) SetStories(ctx context.Context, members []dyad.StoryMember) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: set stories: %w", err)
	}
	defer tx.Rollback() // no-op after Commit
	st, err := tx.PrepareContext(ctx, `UPDATE articles SET story = ? WHERE id = ?`)
	if err != nil {
		return fmt.Errorf("sqlite: set stories: %w", err)
	}
	defer st.Close()
	for _, m := range members {
		if _, err := st.ExecContext(ctx, m.Story, m.Article); err != nil {
			return fmt.Errorf("sqlite: set story of %s: %w", m.Article, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: set stories: %w", err)
	}
	return nil
}

// StoryMembers returns the articles published at or after since that have
// a story, with it, in publication order.
func (s *Store) StoryMembers(ctx context.Context, since time.Time) ([]dyad.StoryMember, error) {
	return collect(ctx, s, `SELECT id, story FROM articles
		WHERE published >= ? AND story IS NOT NULL ORDER BY published, id`, []any{boundTime(since)},
		func(r *sql.Rows, m *dyad.StoryMember) error { return r.Scan(&m.Article, &m.Story) })
}

// StoryArticles returns the IDs of the story's articles in publication
// order.
func (s *Store) StoryArticles(ctx context.Context, story string) ([]string, error) {
	return collect(ctx, s, `SELECT id FROM articles WHERE story = ? ORDER BY published, id`, []any{story}, scanString)
}

// StoryIDs returns the stories of the articles passing f, the one with the
// latest such article first. It walks the articles newest first and stops
// at the limit, so a page of stories reads about as many articles as the
// stories have.
func (s *Store) StoryIDs(ctx context.Context, f dyad.Filter) ([]string, error) {
	w, err := s.articleWhere(ctx, f)
	if err != nil {
		return nil, err
	}
	w.add("a.story IS NOT NULL")
	articleActor(w, f)
	rows, err := s.r.QueryContext(ctx, `SELECT a.story FROM articles a`+w.sql(articleOrder, dyad.Filter{}), w.args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	defer rows.Close()
	var ids []string
	seen := map[string]bool{}
	for rows.Next() && (f.Limit <= 0 || len(ids) < f.Limit) {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("sqlite: %w", err)
		}
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	return ids, nil
}

func scanString(r *sql.Rows, s *string) error { return r.Scan(s) }
