package postgres

import (
	"context"
	"fmt"
	"slices"
	"time"

	"dyad"

	"github.com/jackc/pgx/v5"
)

var _ dyad.StoryStore = (*Store)(nil)

// Unassigned returns the IDs of up to limit articles that have no story,
// in publication order, from the partial index articles_unassigned.
func (s *Store) Unassigned(ctx context.Context, limit int) ([]string, error) {
	return collect(ctx, s, `SELECT id FROM articles
		WHERE story IS NULL ORDER BY published NULLS FIRST, id LIMIT $1`, []any{limit}, scanString)
}

// SetStories records the story of each article in one statement.
func (s *Store) SetStories(ctx context.Context, members []dyad.StoryMember) error {
	ids := make([]string, len(members))
	stories := make([]string, len(members))
	for i, m := range members {
		ids[i], stories[i] = m.Article, m.Story
	}
	_, err := s.pool.Exec(ctx, `UPDATE articles a SET story = m.story
		FROM unnest($1::text[], $2::text[]) AS m (id, story) WHERE a.id = m.id`, ids, stories)
	if err != nil {
		return fmt.Errorf("postgres: set stories: %w", err)
	}
	return nil
}

// StoryMembers returns the articles published at or after since that have
// a story, with it, in publication order.
func (s *Store) StoryMembers(ctx context.Context, since time.Time) ([]dyad.StoryMember, error) {
	return collect(ctx, s, `SELECT id, story FROM articles
		WHERE published >= $1 AND story IS NOT NULL ORDER BY published, id`, []any{boundTime(since)},
		func(r pgx.Rows, m *dyad.StoryMember) error { return r.Scan(&m.Article, &m.Story) })
}

// StoryArticles returns the IDs of the story's articles in publication
// order.
func (s *Store) StoryArticles(ctx context.Context, story string) ([]string, error) {
	return collect(ctx, s, `SELECT id FROM articles WHERE story = $1 ORDER BY published NULLS FIRST, id`,
		[]any{story}, scanString)
}

// StoryIDs returns the stories of the articles passing f, the one with the
// latest such article first. It reads the articles newest first, a page at
// a time, until it has the stories it wants, so a page of stories reads
// about as many articles as the stories have.
func (s *Store) StoryIDs(ctx context.Context, f dyad.Filter) ([]string, error) {
	w, err := articleWhere(f)
	if err != nil {
		return nil, err
	}
	w.conds = append(w.conds, "a.story IS NOT NULL")
	articleActor(w, f)
	q := `SELECT a.story FROM articles a` + w.sql(articleOrder, dyad.Filter{})
	page := 0 // all at once without a limit
	if f.Limit > 0 {
		page = 10 * f.Limit
		q += fmt.Sprintf(" LIMIT %d OFFSET $%d", page, len(w.args)+1)
	}
	var ids []string
	seen := map[string]bool{}
	for offset := 0; ; offset += page {
		args := w.args
		if page > 0 {
			args = append(slices.Clone(args), offset)
		}
		stories, err := collect(ctx, s, q, args, scanString)
		if err != nil {
			return nil, err
		}
		for _, id := range stories {
			if !seen[id] && (f.Limit <= 0 || len(ids) < f.Limit) {
				seen[id] = true
				ids = append(ids, id)
			}
		}
		if page == 0 || len(stories) < page || len(ids) == f.Limit {
			return ids, nil
		}
	}
}

func scanString(r pgx.Rows, s *string) error { return r.Scan(s) }
