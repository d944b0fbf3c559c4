-- BurnCloud schema, SQLite dialect. Money columns are BIGINT nano-dollars (1e-9 USD); -1 means unlimited.
-- Times are unix seconds unless the column name ends in _ms. List and map columns hold JSON text.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT    NOT NULL UNIQUE,
    password_hash TEXT,
    role          TEXT    NOT NULL DEFAULT 'user' CHECK (role IN ('root', 'admin', 'user')),
    group_name    TEXT    NOT NULL DEFAULT 'default',
    balance       BIGINT  NOT NULL DEFAULT -1,
    used_quota    BIGINT  NOT NULL DEFAULT 0,
    request_count BIGINT  NOT NULL DEFAULT 0,
    status        TEXT    NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),
    invite_code   TEXT    UNIQUE,
    inviter_id    BIGINT  REFERENCES users (id) ON DELETE SET NULL,
    created_at    BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL
);

-- The root user exists from the first migration; its password is set on first start.
INSERT INTO users (username, role, group_name, balance, created_at, updated_at)
VALUES ('root', 'root', 'default', -1, CAST(strftime('%s', 'now') AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER));

CREATE TABLE tokens (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id        BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name           TEXT    NOT NULL,
    key_hash       TEXT    NOT NULL UNIQUE,
    key_prefix     TEXT    NOT NULL,
    status         TEXT    NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled')),
    quota_limit    BIGINT  NOT NULL DEFAULT -1,
    used_quota     BIGINT  NOT NULL DEFAULT 0,
    expires_at     BIGINT  NOT NULL DEFAULT -1,
    models         TEXT,
    ip_ranges      TEXT,
    group_override TEXT,
    rpm            INTEGER NOT NULL DEFAULT 0,
    created_at     BIGINT  NOT NULL,
    updated_at     BIGINT  NOT NULL
);
CREATE INDEX tokens_user ON tokens (user_id);

CREATE TABLE channels (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    name               TEXT    NOT NULL,
    type               TEXT    NOT NULL,
    base_url           TEXT    NOT NULL,
    api_key            TEXT    NOT NULL,
    models             TEXT    NOT NULL,
    group_names        TEXT    NOT NULL,
    priority           INTEGER NOT NULL DEFAULT 0,
    weight             INTEGER NOT NULL DEFAULT 0,
    model_mapping      TEXT,
    config             TEXT,
    status             TEXT    NOT NULL DEFAULT 'enabled' CHECK (status IN ('enabled', 'disabled', 'auto_disabled')),
    status_reason      TEXT,
    used_quota         BIGINT  NOT NULL DEFAULT 0,
    test_at            BIGINT,
    test_ok            INTEGER,
    test_latency_ms    BIGINT,
    test_ttft_ms       BIGINT,
    test_tokens_per_s  TEXT,
    test_error         TEXT,
    created_at         BIGINT  NOT NULL,
    updated_at         BIGINT  NOT NULL
);

-- Derived from channels (one row per group x model x channel) and rewritten with them.
CREATE TABLE abilities (
    group_name TEXT    NOT NULL,
    model      TEXT    NOT NULL,
    channel_id BIGINT  NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    enabled    INTEGER NOT NULL,
    priority   INTEGER NOT NULL,
    weight     INTEGER NOT NULL,
    PRIMARY KEY (group_name, model, channel_id)
);
CREATE INDEX abilities_channel ON abilities (channel_id);

-- Prices per 1M tokens in nano-dollars.
CREATE TABLE prices (
    model              TEXT   PRIMARY KEY,
    input_price        BIGINT NOT NULL DEFAULT 0,
    output_price       BIGINT NOT NULL DEFAULT 0,
    cached_input_price BIGINT,
    alias_for          TEXT,
    updated_at         BIGINT NOT NULL
);

-- One-API-style ratios, kept as exact decimal text (ratio 1 = $2 per 1M tokens).
CREATE TABLE model_ratios (
    model            TEXT PRIMARY KEY,
    ratio            TEXT NOT NULL,
    completion_ratio TEXT NOT NULL DEFAULT '1',
    updated_at       BIGINT NOT NULL
);

CREATE TABLE group_ratios (
    group_name  TEXT PRIMARY KEY,
    ratio       TEXT NOT NULL,
    description TEXT,
    updated_at  BIGINT NOT NULL
);
INSERT INTO group_ratios (group_name, ratio, description, updated_at)
VALUES ('default', '1', 'Default group', CAST(strftime('%s', 'now') AS INTEGER));

CREATE TABLE request_logs (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id            TEXT    NOT NULL,
    created_at_ms         BIGINT  NOT NULL,
    user_id               BIGINT,
    token_id              BIGINT,
    channel_id            BIGINT,
    endpoint              TEXT    NOT NULL,
    model                 TEXT,
    upstream_model        TEXT,
    prompt_tokens         BIGINT  NOT NULL DEFAULT 0,
    completion_tokens     BIGINT  NOT NULL DEFAULT 0,
    cached_tokens         BIGINT  NOT NULL DEFAULT 0,
    cache_creation_tokens BIGINT  NOT NULL DEFAULT 0,
    reasoning_tokens      BIGINT  NOT NULL DEFAULT 0,
    cost                  BIGINT  NOT NULL DEFAULT 0,
    latency_ms            BIGINT  NOT NULL DEFAULT 0,
    ttfb_ms               BIGINT,
    status                INTEGER NOT NULL,
    stream                INTEGER NOT NULL DEFAULT 0,
    settlement            TEXT    NOT NULL,
    retry_trail           TEXT,
    estimated             INTEGER NOT NULL DEFAULT 0,
    price_missing         INTEGER NOT NULL DEFAULT 0,
    error_code            TEXT,
    client_ip             TEXT
);
CREATE INDEX request_logs_time ON request_logs (created_at_ms);
CREATE INDEX request_logs_user_time ON request_logs (user_id, created_at_ms);
CREATE INDEX request_logs_token ON request_logs (token_id);
CREATE INDEX request_logs_channel ON request_logs (channel_id);

CREATE TABLE redemptions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT   NOT NULL,
    code_hash   TEXT   NOT NULL UNIQUE,
    code_prefix TEXT   NOT NULL,
    amount      BIGINT NOT NULL,
    status      TEXT   NOT NULL DEFAULT 'unused' CHECK (status IN ('unused', 'used')),
    created_by  BIGINT,
    created_at  BIGINT NOT NULL,
    redeemed_by BIGINT,
    redeemed_at BIGINT
);

CREATE TABLE options (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Console sessions and access tokens; only a hash of the secret is stored.
CREATE TABLE sessions (
    token_hash TEXT   PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Per-minute rollups of request statistics for windows longer than the in-memory hour.
CREATE TABLE stats_minute (
    bucket            BIGINT NOT NULL,
    model             TEXT   NOT NULL,
    channel_id        BIGINT NOT NULL,
    user_id           BIGINT NOT NULL,
    token_id          BIGINT NOT NULL,
    requests          BIGINT NOT NULL,
    errors            BIGINT NOT NULL,
    prompt_tokens     BIGINT NOT NULL,
    completion_tokens BIGINT NOT NULL,
    cost              BIGINT NOT NULL,
    latency_sum_ms    BIGINT NOT NULL,
    latency_hist      TEXT,
    ttft_hist         TEXT,
    PRIMARY KEY (bucket, model, channel_id, user_id, token_id)
);

-- Bumped by every configuration write; a running router reloads its snapshot when it changes.
CREATE TABLE config_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT  NOT NULL
);
INSERT INTO config_version (id, version) VALUES (1, 1);
