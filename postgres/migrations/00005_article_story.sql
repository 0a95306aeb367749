-- The story of each article, as story.Service assigns it: a story's
-- articles are read by index instead of clustering the store again.

-- +goose Up
ALTER TABLE articles ADD COLUMN story TEXT COLLATE "C";
CREATE INDEX articles_story ON articles (story, published, id);
-- Articles waiting for a story, in the order they are clustered.
CREATE INDEX articles_unassigned ON articles (published NULLS FIRST, id) WHERE story IS NULL;

-- +goose Down
DROP INDEX articles_unassigned;
DROP INDEX articles_story;
ALTER TABLE articles DROP COLUMN story;
