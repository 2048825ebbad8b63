-- eventwire store, migration 003 (scale): every input file a run has read to the
-- end, with its modification time and size, so `eventwire run --new-only` can skip
-- files already read, unchanged, by the same pipeline version. Written in the same
-- transaction as the batch that holds the file's last article.
CREATE TABLE inputs (
    path             VARCHAR PRIMARY KEY,
    mtime            DOUBLE,
    size             BIGINT,
    pipeline_version VARCHAR,
    run_id           VARCHAR,
    read_at          TIMESTAMP DEFAULT current_timestamp
);
