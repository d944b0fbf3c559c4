-- Who changed what through the API or the CLI; values are JSON with secrets masked.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at_ms      INTEGER NOT NULL,
    actor      TEXT    NOT NULL,
    source     TEXT    NOT NULL,
    entity     TEXT    NOT NULL,
    entity_id  TEXT,
    action     TEXT    NOT NULL,
    before     TEXT,
    after      TEXT
);
CREATE INDEX audit_log_at ON audit_log (at_ms);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
