-- Indexes on every column a dyad or actor filter compares, in the
-- collation the comparison uses, so that SQLite answers an OR over them
-- from the indexes instead of scanning every event.

-- +goose Up
CREATE INDEX events_source_actor ON events (source_actor COLLATE NOCASE);
CREATE INDEX events_target_actor ON events (target_actor COLLATE NOCASE);
CREATE INDEX events_source_name ON events (source_name);
CREATE INDEX events_target_name ON events (target_name);

-- +goose Down
DROP INDEX events_target_name;
DROP INDEX events_source_name;
DROP INDEX events_target_actor;
DROP INDEX events_source_actor;
