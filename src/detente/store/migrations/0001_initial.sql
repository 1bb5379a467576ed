-- The first schema: one row per article (its whole record kept as JSON for lossless export),
-- and one table per kind of finding, keyed by article id, for SQL over the store.
CREATE TABLE articles (
    id          VARCHAR PRIMARY KEY,
    title       VARCHAR,
    dek         VARCHAR,
    outlet      VARCHAR,
    url         VARCHAR,
    published   DATE,
    language    VARCHAR,
    status      VARCHAR NOT NULL,
    skip_reason VARCHAR,
    byline      VARCHAR,
    dateline    VARCHAR,
    source      VARCHAR,
    text        VARCHAR NOT NULL,
    -- sha256 of the cleaned text: tells a re-sent article from another one under the same id
    content_hash VARCHAR NOT NULL,
    record      JSON NOT NULL,
    ingested_at TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE credits (
    article_id VARCHAR NOT NULL,
    agency     VARCHAR NOT NULL,
    role       VARCHAR NOT NULL
);

CREATE TABLE removals (
    article_id VARCHAR NOT NULL,
    removal_no INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    reason     VARCHAR NOT NULL
);

CREATE TABLE actors (
    article_id VARCHAR NOT NULL,
    actor_id   VARCHAR NOT NULL,
    name       VARCHAR NOT NULL,
    kind       VARCHAR,
    country    VARCHAR,
    sector     VARCHAR,
    role       VARCHAR,
    code       VARCHAR
);

CREATE TABLE mentions (
    article_id VARCHAR NOT NULL,
    actor_id   VARCHAR NOT NULL,
    "start"    INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       VARCHAR NOT NULL
);

CREATE TABLE quotes (
    article_id    VARCHAR NOT NULL,
    quote_no      INTEGER NOT NULL,
    text          VARCHAR NOT NULL,
    "start"       INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    kind          VARCHAR NOT NULL,
    speaker_actor VARCHAR,
    speaker_name  VARCHAR,
    speaker_start INTEGER,
    speaker_end   INTEGER,
    speaker_text  VARCHAR,
    cue           VARCHAR
);

CREATE TABLE events (
    article_id     VARCHAR NOT NULL,
    event_no       INTEGER NOT NULL,
    source_actor   VARCHAR,
    source_country VARCHAR,
    source_sector  VARCHAR,
    source_code    VARCHAR,
    source_text    VARCHAR,
    target_actor   VARCHAR,
    target_country VARCHAR,
    target_sector  VARCHAR,
    target_code    VARCHAR,
    target_text    VARCHAR,
    cameo          VARCHAR NOT NULL,
    goldstein      DOUBLE,
    quad_class     INTEGER,
    plover_type    VARCHAR,
    plover_mode    VARCHAR,
    plover_context VARCHAR[],
    modality       VARCHAR,
    negated        BOOLEAN,
    claimed_by     VARCHAR,
    date           VARCHAR,
    date_text      VARCHAR,
    sentence_start INTEGER,
    sentence_end   INTEGER,
    trigger_start  INTEGER,
    trigger_end    INTEGER,
    trigger_text   VARCHAR,
    rule           VARCHAR,
    confidence     DOUBLE
);

CREATE TABLE dates (
    article_id VARCHAR NOT NULL,
    date_no    INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    value      VARCHAR,
    "start"    INTEGER NOT NULL,
    "end"      INTEGER NOT NULL
);

CREATE TABLE amounts (
    article_id VARCHAR NOT NULL,
    amount_no  INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    value      DOUBLE,
    unit       VARCHAR,
    kind       VARCHAR,
    "start"    INTEGER NOT NULL,
    "end"      INTEGER NOT NULL
);

CREATE TABLE themes (
    article_id VARCHAR NOT NULL,
    theme      VARCHAR NOT NULL
);

CREATE TABLE failures (
    source      VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL,
    detail      VARCHAR NOT NULL,
    recorded_at TIMESTAMP DEFAULT current_timestamp,
    PRIMARY KEY (source, reason)
);
