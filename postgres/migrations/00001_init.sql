-- Initial schema, the same tables as sqlite/migrations/00001_init.sql.
-- IDs are COLLATE "C" so that they compare and sort byte by byte, as in
-- SQLite; the columns Filter matches case-insensitively have indexes on
-- lower(col), the form the queries compare.

-- +goose Up

-- Full-text search: English Snowball stems without stop words (FTS5's
-- porter tokenizer keeps every word, so "the" must be searchable) and,
-- when the server has it, unaccent (FTS5's remove_diacritics). A
-- hyphenated word is indexed by its parts only, as FTS5 does.
CREATE TEXT SEARCH DICTIONARY dyad_stem (TEMPLATE = snowball, LANGUAGE = english);
CREATE TEXT SEARCH CONFIGURATION dyad (COPY = english);
ALTER TEXT SEARCH CONFIGURATION dyad DROP MAPPING FOR asciihword, hword;
-- +goose StatementBegin
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent') THEN
        CREATE EXTENSION IF NOT EXISTS unaccent;
        ALTER TEXT SEARCH CONFIGURATION dyad
            ALTER MAPPING FOR asciiword, word, hword_asciipart, hword_part, numword, hword_numpart
            WITH unaccent, dyad_stem;
    ELSE
        ALTER TEXT SEARCH CONFIGURATION dyad
            ALTER MAPPING FOR asciiword, word, hword_asciipart, hword_part, numword, hword_numpart
            WITH dyad_stem;
    END IF;
END
$$;
-- +goose StatementEnd

CREATE TABLE articles (
    id            TEXT COLLATE "C" PRIMARY KEY CHECK (id <> ''),
    url           TEXT NOT NULL DEFAULT '',
    outlet        TEXT NOT NULL DEFAULT '',
    title         TEXT NOT NULL DEFAULT '',
    byline        TEXT NOT NULL DEFAULT '',
    published     TIMESTAMPTZ, -- to the second; NULL if unknown
    lang          TEXT NOT NULL DEFAULT '',
    text          TEXT NOT NULL DEFAULT '',
    themes        JSONB NOT NULL DEFAULT '[]', -- array of dyad.Theme
    tone          DOUBLE PRECISION NOT NULL DEFAULT 0,
    tone_positive INTEGER NOT NULL DEFAULT 0,
    tone_negative INTEGER NOT NULL DEFAULT 0,
    tone_words    INTEGER NOT NULL DEFAULT 0,
    ingested_at   TIMESTAMPTZ NOT NULL,
    -- One vector per column: a phrase must not run from the title into the
    -- text, and a column filter ("title : pact") picks its vector. Each
    -- starts with the lexeme ' ^' (one no text has), so that FTS5's "^a",
    -- a phrase at the start of a column, is the phrase "' ^' a".
    fts_title     TSVECTOR GENERATED ALWAYS AS ($$' ^':1$$::tsvector || to_tsvector('dyad', title)) STORED,
    fts_text      TSVECTOR GENERATED ALWAYS AS ($$' ^':1$$::tsvector || to_tsvector('dyad', text)) STORED
);
CREATE INDEX articles_published ON articles (published DESC NULLS LAST, id);
CREATE INDEX articles_outlet ON articles (lower(outlet));
CREATE INDEX articles_fts_title ON articles USING gin (fts_title);
CREATE INDEX articles_fts_text ON articles USING gin (fts_text);

CREATE TABLE actors (
    id         TEXT COLLATE "C" PRIMARY KEY CHECK (id <> ''),
    name       TEXT NOT NULL DEFAULT '',
    code       TEXT NOT NULL DEFAULT '',
    country    TEXT NOT NULL DEFAULT '',
    sector     TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL DEFAULT '',
    role       TEXT NOT NULL DEFAULT '',
    first_seen TIMESTAMPTZ, -- earliest publication date of an article naming the actor
    last_seen  TIMESTAMPTZ  -- latest one
);
CREATE INDEX actors_code ON actors (lower(code));
CREATE INDEX actors_country ON actors (lower(country));
CREATE INDEX actors_name ON actors (lower(name));

-- One row per actor of an article, so actor counts need no scan of mentions.
CREATE TABLE article_actors (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    actor_id   TEXT COLLATE "C" NOT NULL REFERENCES actors (id),
    seq        INTEGER NOT NULL, -- place of the actor in the analysis
    mentions   INTEGER NOT NULL DEFAULT 0,
    sentences  INTEGER NOT NULL DEFAULT 0,
    tone       DOUBLE PRECISION, -- NULL when the analysis has no tone for the actor
    PRIMARY KEY (article_id, actor_id)
);
CREATE INDEX article_actors_actor ON article_actors (actor_id);

CREATE TABLE mentions (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    text       TEXT NOT NULL DEFAULT '',
    type       TEXT NOT NULL DEFAULT '',
    actor_id   TEXT COLLATE "C" NOT NULL DEFAULT '', -- no foreign key: a mention may name an actor the analysis does not list
    role       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX mentions_actor ON mentions (actor_id);

CREATE TABLE quotes (
    article_id    TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    span_start    INTEGER NOT NULL,
    span_end      INTEGER NOT NULL,
    text          TEXT NOT NULL DEFAULT '',
    direct        BOOLEAN NOT NULL DEFAULT false,
    cue           TEXT NOT NULL DEFAULT '',
    speaker_name  TEXT NOT NULL DEFAULT '',
    speaker_code  TEXT NOT NULL DEFAULT '',
    speaker_actor TEXT COLLATE "C" NOT NULL DEFAULT '',
    speaker_start INTEGER NOT NULL DEFAULT 0,
    speaker_end   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX quotes_speaker_actor ON quotes (lower(speaker_actor));
CREATE INDEX quotes_speaker_code ON quotes (lower(speaker_code));

CREATE TABLE figures (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    text       TEXT NOT NULL DEFAULT '',
    value      DOUBLE PRECISION NOT NULL DEFAULT 0,
    unit       TEXT NOT NULL DEFAULT '',
    qualifier  TEXT NOT NULL DEFAULT '',
    quantity   TEXT NOT NULL DEFAULT '',
    period     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, seq)
);

-- The actor codes a figure is about, in order. country is the code's country
-- as known when the figure was stored, so Filter.Actor "ISR" finds a figure
-- about ISRGOV without a join at query time.
CREATE TABLE figure_actors (
    article_id TEXT COLLATE "C" NOT NULL,
    figure_seq INTEGER NOT NULL,
    pos        INTEGER NOT NULL,
    code       TEXT NOT NULL,
    country    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, figure_seq, pos),
    FOREIGN KEY (article_id, figure_seq) REFERENCES figures (article_id, seq) ON DELETE CASCADE
);
CREATE INDEX figure_actors_code ON figure_actors (lower(code));
CREATE INDEX figure_actors_country ON figure_actors (lower(country));

CREATE TABLE dates (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    text       TEXT NOT NULL DEFAULT '',
    value      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE events (
    article_id     TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    key            TEXT COLLATE "C" NOT NULL, -- dyad.Event.Key()
    seq            INTEGER NOT NULL, -- position of the first event with this key
    date           TEXT NOT NULL DEFAULT '',
    source_name    TEXT NOT NULL DEFAULT '',
    source_code    TEXT NOT NULL DEFAULT '',
    source_country TEXT NOT NULL DEFAULT '',
    source_sector  TEXT NOT NULL DEFAULT '',
    source_actor   TEXT COLLATE "C" NOT NULL DEFAULT '',
    target_name    TEXT NOT NULL DEFAULT '',
    target_code    TEXT NOT NULL DEFAULT '',
    target_country TEXT NOT NULL DEFAULT '',
    target_sector  TEXT NOT NULL DEFAULT '',
    target_actor   TEXT COLLATE "C" NOT NULL DEFAULT '',
    cameo          TEXT COLLATE "C" NOT NULL DEFAULT '',
    root           TEXT NOT NULL DEFAULT '',
    quad           INTEGER NOT NULL DEFAULT 0,
    goldstein      DOUBLE PRECISION NOT NULL DEFAULT 0,
    plover_type    TEXT NOT NULL DEFAULT '',
    plover_mode    TEXT NOT NULL DEFAULT '',
    plover_context TEXT NOT NULL DEFAULT '',
    location       TEXT NOT NULL DEFAULT '',
    span_start     INTEGER NOT NULL,
    span_end       INTEGER NOT NULL,
    evidence       TEXT NOT NULL DEFAULT '',
    confidence     DOUBLE PRECISION NOT NULL DEFAULT 0,
    coder          TEXT NOT NULL DEFAULT '',
    dict           TEXT NOT NULL DEFAULT '',
    mentions       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, key)
);
CREATE INDEX events_source_code ON events (lower(source_code));
CREATE INDEX events_target_code ON events (lower(target_code));
CREATE INDEX events_source_country ON events (lower(source_country));
CREATE INDEX events_target_country ON events (lower(target_country));
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
DROP TABLE articles;
DROP TEXT SEARCH CONFIGURATION dyad;
DROP TEXT SEARCH DICTIONARY dyad_stem;
