-- Initial schema. Text columns that Filter matches case-insensitively are
-- declared COLLATE NOCASE so their indexes serve those comparisons.

-- +goose Up
CREATE TABLE articles (
    -- n is an explicit rowid: the external-content FTS index refers to rows
    -- by rowid, and VACUUM may renumber implicit rowids.
    n             INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE CHECK (id <> ''),
    url           TEXT NOT NULL DEFAULT '',
    outlet        TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
    title         TEXT NOT NULL DEFAULT '',
    byline        TEXT NOT NULL DEFAULT '',
    published     TEXT, -- RFC 3339 UTC to the second, so text order is time order; NULL if unknown
    lang          TEXT NOT NULL DEFAULT '',
    text          TEXT NOT NULL DEFAULT '',
    themes        TEXT NOT NULL DEFAULT '[]', -- JSON array of dyad.Theme
    tone          REAL NOT NULL DEFAULT 0,
    tone_positive INTEGER NOT NULL DEFAULT 0,
    tone_negative INTEGER NOT NULL DEFAULT 0,
    tone_words    INTEGER NOT NULL DEFAULT 0,
    ingested_at   TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published, id);
CREATE INDEX articles_outlet ON articles (outlet);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content = 'articles', content_rowid = 'n',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- +goose StatementBegin
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.n, new.title, new.text);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.n, old.title, old.text);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.n, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.n, new.title, new.text);
END;
-- +goose StatementEnd

CREATE TABLE actors (
    id         TEXT PRIMARY KEY CHECK (id <> ''),
    name       TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
    code       TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
    country    TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
    sector     TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL DEFAULT '',
    role       TEXT NOT NULL DEFAULT '',
    first_seen TEXT, -- earliest publication date of an article naming the actor
    last_seen  TEXT  -- latest one
);
CREATE INDEX actors_code ON actors (code);
CREATE INDEX actors_country ON actors (country);
CREATE INDEX actors_name ON actors (name);

-- One row per actor of an article, so actor counts need no scan of mentions.
CREATE TABLE article_actors (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    actor_id   TEXT NOT NULL REFERENCES actors (id),
    mentions   INTEGER NOT NULL DEFAULT 0,
    sentences  INTEGER NOT NULL DEFAULT 0,
    tone       REAL, -- NULL when the analysis has no tone for the actor
    PRIMARY KEY (article_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX article_actors_actor ON article_actors (actor_id);

CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    text       TEXT NOT NULL DEFAULT '',
    type       TEXT NOT NULL DEFAULT '',
    actor_id   TEXT NOT NULL DEFAULT '', -- no foreign key: a mention may name an actor the analysis does not list
    role       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;
CREATE INDEX mentions_actor ON mentions (actor_id);

CREATE TABLE quotes (
    article_id    TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    span_start    INTEGER NOT NULL,
    span_end      INTEGER NOT NULL,
    text          TEXT NOT NULL DEFAULT '',
    direct        INTEGER NOT NULL DEFAULT 0,
    cue           TEXT NOT NULL DEFAULT '',
    speaker_name  TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
    speaker_code  TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
    speaker_actor TEXT NOT NULL DEFAULT '',
    speaker_start INTEGER NOT NULL DEFAULT 0,
    speaker_end   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker_actor ON quotes (speaker_actor);
CREATE INDEX quotes_speaker_code ON quotes (speaker_code);

CREATE TABLE figures (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    text       TEXT NOT NULL DEFAULT '',
    value      REAL NOT NULL DEFAULT 0,
    unit       TEXT NOT NULL DEFAULT '',
    qualifier  TEXT NOT NULL DEFAULT '',
    quantity   TEXT NOT NULL DEFAULT '',
    period     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;

-- The actor codes a figure is about, in order. country is the code's country
-- as known when the figure was stored, so Filter.Actor "ISR" finds a figure
-- about ISRGOV without a join at query time.
CREATE TABLE figure_actors (
    article_id TEXT NOT NULL,
    figure_seq INTEGER NOT NULL,
    pos        INTEGER NOT NULL,
    code       TEXT NOT NULL COLLATE NOCASE,
    country    TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
    PRIMARY KEY (article_id, figure_seq, pos),
    FOREIGN KEY (article_id, figure_seq) REFERENCES figures (article_id, seq) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX figure_actors_code ON figure_actors (code);
CREATE INDEX figure_actors_country ON figure_actors (country);

CREATE TABLE dates (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    text       TEXT NOT NULL DEFAULT '',
    value      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;

CREATE TABLE events (
    article_id     TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    key            TEXT NOT NULL, -- dyad.Event.Key()
    seq            INTEGER NOT NULL, -- position of the first event with this key
    date           TEXT NOT NULL DEFAULT '',
    source_name    TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
    source_code    TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
    source_country TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
    source_sector  TEXT NOT NULL DEFAULT '',
    source_actor   TEXT NOT NULL DEFAULT '',
    target_name    TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
    target_code    TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
    target_country TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
    target_sector  TEXT NOT NULL DEFAULT '',
    target_actor   TEXT NOT NULL DEFAULT '',
    cameo          TEXT NOT NULL DEFAULT '',
    root           TEXT NOT NULL DEFAULT '',
    quad           INTEGER NOT NULL DEFAULT 0,
    goldstein      REAL NOT NULL DEFAULT 0,
    plover_type    TEXT NOT NULL DEFAULT '',
    plover_mode    TEXT NOT NULL DEFAULT '',
    plover_context TEXT NOT NULL DEFAULT '',
    location       TEXT NOT NULL DEFAULT '',
    span_start     INTEGER NOT NULL,
    span_end       INTEGER NOT NULL,
    evidence       TEXT NOT NULL DEFAULT '',
    confidence     REAL NOT NULL DEFAULT 0,
    coder          TEXT NOT NULL DEFAULT '',
    dict           TEXT NOT NULL DEFAULT '',
    mentions       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, key)
) WITHOUT ROWID;
CREATE INDEX events_source_code ON events (source_code);
CREATE INDEX events_target_code ON events (target_code);
CREATE INDEX events_source_country ON events (source_country);
CREATE INDEX events_target_country ON events (target_country);
CREATE INDEX events_date ON events (date);

-- +goose Down
DROP TABLE events;
DROP TABLE dates;
DROP TABLE figure_actors;
DROP TABLE figures;
DROP TABLE quotes;
DROP TABLE mentions;
DROP TABLE article_actors;
DROP TABLE actors;
DROP TABLE articles_fts;
DROP TABLE articles;
