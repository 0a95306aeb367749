-- Events counted by day, publication hour and every column an event filter
-- compares, kept by a trigger, so that a dyad series or a network over the
-- whole store reads a few rows per day instead of every event. day is as
-- EventCounts defines it: the event's date, else the publication date (UTC).
-- published is the article's publication hour (sqlcols.HourFormat), ''
-- when undated, so that the whole hours of a date range are answered here
-- too.

-- +goose Up
CREATE TABLE event_counts (
    day            TEXT NOT NULL,
    published      TEXT NOT NULL,
    source_actor   TEXT COLLATE "C" NOT NULL,
    source_code    TEXT NOT NULL,
    source_country TEXT NOT NULL,
    source_name    TEXT NOT NULL,
    target_actor   TEXT COLLATE "C" NOT NULL,
    target_code    TEXT NOT NULL,
    target_country TEXT NOT NULL,
    target_name    TEXT NOT NULL,
    cameo          TEXT COLLATE "C" NOT NULL,
    quad           INTEGER NOT NULL,
    events         INTEGER NOT NULL,
    goldstein      DOUBLE PRECISION NOT NULL, -- the sum of the events' Goldstein values
    PRIMARY KEY (day, published, source_actor, source_code, source_country, source_name,
        target_actor, target_code, target_country, target_name, cameo, quad)
);
CREATE INDEX event_counts_source_actor ON event_counts (lower(source_actor));
CREATE INDEX event_counts_source_code ON event_counts (lower(source_code));
CREATE INDEX event_counts_source_country ON event_counts (lower(source_country));
CREATE INDEX event_counts_source_name ON event_counts (lower(source_name));
CREATE INDEX event_counts_target_actor ON event_counts (lower(target_actor));
CREATE INDEX event_counts_target_code ON event_counts (lower(target_code));
CREATE INDEX event_counts_target_country ON event_counts (lower(target_country));
CREATE INDEX event_counts_target_name ON event_counts (lower(target_name));

-- An event's columns never change once stored and the store deletes
-- nothing, so inserts are all there is to follow. The rows a statement
-- inserted are counted together and upserted in key order, so that
-- concurrent Puts lock counts in the same order and cannot deadlock.

-- +goose StatementBegin
CREATE FUNCTION events_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO event_counts AS c
    SELECT CASE WHEN e.date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}' THEN left(e.date, 10)
            ELSE coalesce(to_char(a.published AT TIME ZONE 'UTC', 'YYYY-MM-DD'), '') END,
        coalesce(to_char(a.published AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24'), ''),
        e.source_actor, e.source_code, e.source_country, e.source_name,
        e.target_actor, e.target_code, e.target_country, e.target_name, e.cameo, e.quad,
        count(*), sum(e.goldstein)
    FROM new_events e JOIN articles a ON a.id = e.article_id
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
    ON CONFLICT (day, published, source_actor, source_code, source_country, source_name,
        target_actor, target_code, target_country, target_name, cameo, quad)
    DO UPDATE SET events = c.events + excluded.events, goldstein = c.goldstein + excluded.goldstein;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

CREATE TRIGGER events_count AFTER INSERT ON events
    REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION events_count();

-- The events stored before.
INSERT INTO event_counts
SELECT CASE WHEN e.date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}' THEN left(e.date, 10)
        ELSE coalesce(to_char(a.published AT TIME ZONE 'UTC', 'YYYY-MM-DD'), '') END,
    coalesce(to_char(a.published AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24'), ''),
    e.source_actor, e.source_code, e.source_country, e.source_name,
    e.target_actor, e.target_code, e.target_country, e.target_name, e.cameo, e.quad,
    count(*), sum(e.goldstein)
FROM events e JOIN articles a ON a.id = e.article_id
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12;

-- +goose Down
DROP TRIGGER events_count ON events;
DROP FUNCTION events_count;
DROP TABLE event_counts;
