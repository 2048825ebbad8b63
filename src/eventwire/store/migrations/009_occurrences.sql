-- eventwire store, migration 009: every place an article was read from.
-- An article's id is a hash of its repaired text, so a wire story that arrives
-- verbatim from two outlets is stored (and processed) once; each arrival is one
-- occurrence here, so outlet and article counts (stories, merged events) count
-- both. Written by the runner in the batch's transaction, also for inputs
-- skipped as already processed; one row per (article_id, path, outlet, url).
CREATE TABLE occurrences (
    article_id VARCHAR NOT NULL,
    path       VARCHAR,
    outlet     VARCHAR,
    url        VARCHAR,
    title      VARCHAR,
    published  DATE,
    first_seen TIMESTAMP
);

CREATE INDEX occurrences_article ON occurrences (article_id);
