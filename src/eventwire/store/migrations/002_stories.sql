-- eventwire store, migration 002: stories, near-duplicates and merged events
-- (written by eventwire.stories after each run; incremental).

-- One row per article placed by the story stage: its story, the original it
-- copies (near-duplicates are linked, never deleted), and what later runs need
-- to continue without re-clustering: the MinHash signature (uint32 values as
-- bytes) and the story features (JSON).
CREATE TABLE story_articles (
    article_id           VARCHAR PRIMARY KEY,
    story_id             VARCHAR NOT NULL,
    duplicate_of         VARCHAR,
    duplicate_similarity DOUBLE,
    story_score          DOUBLE,
    seq                  BIGINT,
    outlet               VARCHAR,
    published            DATE,
    minhash              BLOB,
    features             JSON,
    placed_at            TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE stories (
    story_id        VARCHAR PRIMARY KEY,
    title           VARCHAR,
    first_article   VARCHAR,
    first_published DATE,
    last_published  DATE,
    n_articles      INTEGER,
    n_originals     INTEGER,
    n_outlets       INTEGER,
    n_events        INTEGER,
    top_names       JSON,
    top_places      JSON,
    updated_at      TIMESTAMP
);

-- One row per real event: coded events from any number of articles that
-- report the same happening. Counts follow GDELT's NumMentions / NumSources /
-- NumArticles, plus counts with near-duplicate articles (wire copies) discounted.
CREATE TABLE merged_events (
    event_id          VARCHAR PRIMARY KEY,
    story_id          VARCHAR,
    cameo             VARCHAR,
    cameo_root        VARCHAR,
    quad_class        INTEGER,
    goldstein         DOUBLE,
    source_code       VARCHAR,
    source_name       VARCHAR,
    source_country    VARCHAR,
    target_code       VARCHAR,
    target_name       VARCHAR,
    target_country    VARCHAR,
    date              DATE,
    place_name        VARCHAR,
    place_country     VARCHAR,
    place_lat         DOUBLE,
    place_lon         DOUBLE,
    negated           BOOLEAN,
    modality          VARCHAR,
    n_mentions        INTEGER,
    n_articles        INTEGER,
    n_sources         INTEGER,
    n_original_articles INTEGER,
    n_original_sources  INTEGER,
    n_original_mentions INTEGER,
    confidence        DOUBLE,
    avg_tone          DOUBLE,
    first_article     VARCHAR,
    source_url        VARCHAR,
    updated_at        TIMESTAMP
);

-- Every mention of a merged event: the coded event in one article.
CREATE TABLE event_mentions (
    event_id       VARCHAR,
    article_id     VARCHAR,
    mention_id     VARCHAR,
    outlet         VARCHAR,
    published      DATE,
    is_duplicate   BOOLEAN,
    sentence       INTEGER,
    reported_by    JSON
);

CREATE INDEX story_articles_story ON story_articles (story_id);
CREATE INDEX event_mentions_event ON event_mentions (event_id);
CREATE INDEX event_mentions_article ON event_mentions (article_id);
