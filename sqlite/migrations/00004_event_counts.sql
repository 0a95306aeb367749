-- Events counted by day, publication hour and every column an event filter
-- compares, kept by triggers, so that a dyad series or a network over the
-- whole store reads a few rows per day instead of every event. day is as
-- EventCounts defines it: the event's date, else the publication date.
-- published is the article's publication hour (sqlcols.HourFormat), ''
-- when undated, so that the whole hours of a date range are answered here
-- too.

-- +goose Up
CREATE TABLE event_counts (
    day            TEXT NOT NULL,
    published      TEXT NOT NULL,
    source_actor   TEXT NOT NULL COLLATE NOCASE,
    source_code    TEXT NOT NULL COLLATE NOCASE,
    source_country TEXT NOT NULL COLLATE NOCASE,
    source_name    TEXT NOT NULL COLLATE NOCASE,
    target_actor   TEXT NOT NULL COLLATE NOCASE,
    target_code    TEXT NOT NULL COLLATE NOCASE,
    target_country TEXT NOT NULL COLLATE NOCASE,
    target_name    TEXT NOT NULL COLLATE NOCASE,
    cameo          TEXT NOT NULL,
    quad           INTEGER NOT NULL,
    events         INTEGER NOT NULL,
    goldstein      REAL NOT NULL, -- the sum of the events' Goldstein values
    PRIMARY KEY (day, published, source_actor, source_code, source_country, source_name,
        target_actor, target_code, target_country, target_name, cameo, quad)
) WITHOUT ROWID;
CREATE INDEX event_counts_source_actor ON event_counts (source_actor);
CREATE INDEX event_counts_source_code ON event_counts (source_code);
CREATE INDEX event_counts_source_country ON event_counts (source_country);
CREATE INDEX event_counts_source_name ON event_counts (source_name);
CREATE INDEX event_counts_target_actor ON event_counts (target_actor);
CREATE INDEX event_counts_target_code ON event_counts (target_code);
CREATE INDEX event_counts_target_country ON event_counts (target_country);
CREATE INDEX event_counts_target_name ON event_counts (target_name);

INSERT INTO event_counts
SELECT CASE WHEN e.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(e.date, 1, 10)
        ELSE coalesce(substr(a.published, 1, 10), '') END,
    coalesce(substr(a.published, 1, 13), ''),
    e.source_actor, e.source_code, e.source_country, e.source_name,
    e.target_actor, e.target_code, e.target_country, e.target_name, e.cameo, e.quad,
    count(*), sum(e.goldstein)
FROM events e JOIN articles a ON a.id = e.article_id
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12;

-- An event's columns never change once stored (a repeat in the same
-- article only adds to its mentions) and the store deletes nothing, so an
-- insert is all there is to follow.

-- +goose StatementBegin
CREATE TRIGGER events_count_insert AFTER INSERT ON events BEGIN
    INSERT INTO event_counts
    SELECT CASE WHEN new.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(new.date, 1, 10)
            ELSE coalesce(substr(a.published, 1, 10), '') END,
        coalesce(substr(a.published, 1, 13), ''),
        new.source_actor, new.source_code, new.source_country, new.source_name,
        new.target_actor, new.target_code, new.target_country, new.target_name, new.cameo, new.quad,
        1, new.goldstein
    FROM articles a WHERE a.id = new.article_id
    ON CONFLICT DO UPDATE SET events = events + 1, goldstein = goldstein + excluded.goldstein;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER events_count_insert;
DROP TABLE event_counts;
