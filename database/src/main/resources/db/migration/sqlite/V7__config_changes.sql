-- What each configuration version changed, so a router can patch its snapshot instead of re-reading
-- every token and user. Written in the transaction that bumps config_version.
-- Only the latest 10000 rows are kept.
CREATE TABLE config_changes (
    version       INTEGER PRIMARY KEY,
    kind          TEXT   NOT NULL,
    entity_key    TEXT,
    changed_at_ms INTEGER NOT NULL
);
