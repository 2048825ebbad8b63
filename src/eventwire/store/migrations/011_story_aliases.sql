-- eventwire store, migration 011: where the id of a story merged into another now leads.
-- A story id once handed out keeps leading to its articles: when the clusterer's repair
-- merges a story into a larger one (two starts of one happening), the absorbed id becomes
-- an alias of the story that holds its articles now.
CREATE TABLE IF NOT EXISTS story_aliases (
    alias      VARCHAR PRIMARY KEY,  -- the absorbed story's id
    story_id   VARCHAR NOT NULL,     -- the story that holds its articles now
    merged_at  TIMESTAMP
);
