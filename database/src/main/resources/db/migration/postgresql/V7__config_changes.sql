-- What each configuration version changed, so a router can patch its snapshot instead of re-reading
-- every token and user. Written in the transaction that bumps config_version (which also sends
-- NOTIFY burncloud_config_<schema>); only the latest 10000 rows are kept.
CREATE TABLE config_changes (
    version       BIGINT PRIMARY KEY,
    kind          TEXT   NOT NULL,
    entity_key    TEXT,
    changed_at_ms BIGINT NOT NULL
);
