-- eventwire store, migration 001: one row per article, and one table per
-- annotation kind keyed by article_id. The full JSON record is kept in
-- articles.record so any view can be rebuilt without re-processing.
CREATE TABLE articles (
    id               VARCHAR PRIMARY KEY,
    path             VARCHAR,
    outlet           VARCHAR,
    url              VARCHAR,
    title            VARCHAR,
    published        DATE,
    published_basis  VARCHAR,
    text             VARCHAR NOT NULL,
    n_chars          INTEGER,
    pipeline_version VARCHAR,
    model            VARCHAR,
    kb               VARCHAR,
    tone_score       DOUBLE,
    tone_positive    DOUBLE,
    tone_negative    DOUBLE,
    record           JSON,
    processed_at     TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE sentences (article_id VARCHAR, idx INTEGER, "start" INTEGER, "end" INTEGER);

CREATE TABLE entities (
    article_id VARCHAR, idx INTEGER, text VARCHAR, "start" INTEGER, "end" INTEGER,
    label VARCHAR, actor VARCHAR
);

CREATE TABLE actors (
    article_id VARCHAR, id VARCHAR, name VARCHAR, code VARCHAR, country VARCHAR,
    sector VARCHAR, role VARCHAR, n_mentions INTEGER, mentions JSON
);

CREATE TABLE events (
    article_id VARCHAR, id VARCHAR, sentence INTEGER,
    source_actor VARCHAR, source_name VARCHAR, source_code VARCHAR, source_country VARCHAR,
    target_actor VARCHAR, target_name VARCHAR, target_code VARCHAR, target_country VARCHAR,
    trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
    cameo VARCHAR, cameo_root VARCHAR,
    plover_event VARCHAR, plover_mode VARCHAR, plover_context VARCHAR,
    goldstein DOUBLE, quad_class INTEGER, negated BOOLEAN, modality VARCHAR,
    date DATE, date_text VARCHAR, date_basis VARCHAR,
    place_name VARCHAR, place_country VARCHAR, place_lat DOUBLE, place_lon DOUBLE,
    reported_by JSON, confidence DOUBLE, record JSON
);

CREATE TABLE quotes (
    article_id VARCHAR, idx INTEGER, text VARCHAR, "start" INTEGER, "end" INTEGER, direct BOOLEAN,
    speaker_name VARCHAR, speaker_actor VARCHAR, cue_text VARCHAR, according_to JSON, record JSON
);

CREATE TABLE times (
    article_id VARCHAR, idx INTEGER, text VARCHAR, "start" INTEGER, "end" INTEGER,
    type VARCHAR, value VARCHAR
);

CREATE TABLE places (
    article_id VARCHAR, idx INTEGER, text VARCHAR, "start" INTEGER, "end" INTEGER, name VARCHAR,
    country VARCHAR, admin1 VARCHAR, lat DOUBLE, lon DOUBLE, geonameid BIGINT, kind VARCHAR
);

CREATE TABLE errors (
    run_id VARCHAR, input VARCHAR, code VARCHAR, message VARCHAR, component VARCHAR,
    occurred_at TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE runs (
    run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP,
    pipeline_version VARCHAR, inputs JSON, articles INTEGER, skipped INTEGER, failed INTEGER,
    events INTEGER, quotes INTEGER
);

CREATE INDEX events_article ON events (article_id);
CREATE INDEX entities_article ON entities (article_id);
