-- Requests in flight, as each router last saw them. A router rewrites its own rows at every log
-- flush, in the same transaction as the request log rows and charges of that flush, so after a
-- crash every request that was in flight at the last flush is either logged or journaled, never
-- both and never neither. Rows of a router that stopped refreshing them are settled by another
-- router (or the restarted one) as `interrupted`, billed by the progress recorded here.
CREATE TABLE request_journal (
    instance_id       TEXT    NOT NULL,
    request_id        TEXT    NOT NULL,
    journaled_at_ms   BIGINT  NOT NULL,
    created_at_ms     BIGINT  NOT NULL,
    user_id           BIGINT,
    token_id          BIGINT,
    endpoint          TEXT    NOT NULL,
    model             TEXT,
    stream            BOOLEAN NOT NULL DEFAULT FALSE,
    prompt_tokens     BIGINT  NOT NULL DEFAULT 0,
    completion_tokens BIGINT  NOT NULL DEFAULT 0,
    cost              BIGINT  NOT NULL DEFAULT 0,
    price_missing     BOOLEAN NOT NULL DEFAULT FALSE,
    client_ip         TEXT,
    PRIMARY KEY (instance_id, request_id)
);
CREATE INDEX request_journal_time ON request_journal (journaled_at_ms);
