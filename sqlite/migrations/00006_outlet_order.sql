-- An outlet's articles in article order, so that a page of them is read
-- from the index instead of sorting all of the outlet's articles.

-- +goose Up
CREATE INDEX articles_outlet_published ON articles (outlet, published, id);
DROP INDEX articles_outlet;

-- +goose Down
CREATE INDEX articles_outlet ON articles (outlet);
DROP INDEX articles_outlet_published;
