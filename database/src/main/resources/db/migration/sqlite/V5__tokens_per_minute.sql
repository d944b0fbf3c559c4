-- Tokens per minute per key (0 = no limit). SQLite serves one router per file, so the shared
-- admission tables of the PostgreSQL V5 have no use here.
ALTER TABLE tokens ADD COLUMN tpm INTEGER NOT NULL DEFAULT 0;
