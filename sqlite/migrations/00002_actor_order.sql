-- The place of each actor in its article's analysis, so that an analysis
-- reads back in the order it was put. Articles stored before have none.

-- +goose Up
ALTER TABLE article_actors ADD COLUMN seq INTEGER;

-- +goose Down
ALTER TABLE article_actors DROP COLUMN seq;
