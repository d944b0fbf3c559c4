-- Tokens per minute per key (0 = no limit).
ALTER TABLE tokens ADD COLUMN tpm INTEGER NOT NULL DEFAULT 0;

-- Several routers on one database (docs/SCALING.md). Each router upserts its row every second; a
-- row older than the journal's staleness belongs to a router that stopped.
CREATE TABLE router_instances (
    instance_id   TEXT   PRIMARY KEY,
    started_at_ms BIGINT NOT NULL,
    beat_at_ms    BIGINT NOT NULL
);

-- Money reserved by requests admitted through the database (more than one router alive, no Redis).
-- held_* sit on the same row as the limit they are checked against, so one guarded UPDATE is exact
-- under concurrency. A hold row names its router and request: the flush that logs the request (or
-- the settlement of an interrupted one) deletes it and gives the held amount back in the same
-- transaction; a dead router's remaining rows are deleted by a survivor — once, by DELETE … RETURNING.
ALTER TABLE tokens ADD COLUMN held_quota BIGINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN held_balance BIGINT NOT NULL DEFAULT 0;
CREATE TABLE admission_holds (
    request_id  TEXT   NOT NULL,
    instance_id TEXT   NOT NULL,
    token_id    BIGINT NOT NULL,
    user_id     BIGINT NOT NULL,
    token_held  BIGINT NOT NULL,
    user_held   BIGINT NOT NULL,
    tokens      BIGINT NOT NULL,
    minute      BIGINT NOT NULL,
    PRIMARY KEY (request_id, instance_id)
);
CREATE INDEX admission_holds_instance ON admission_holds (instance_id);

-- Shared rate windows: a GCRA bucket for requests per minute (theoretical arrival time, ns) and a
-- per-minute token count. UNLOGGED: a database crash resets rate windows, which is harmless.
CREATE UNLOGGED TABLE admission_rates (
    token_id    BIGINT PRIMARY KEY,
    rpm_tat_ns  BIGINT NOT NULL DEFAULT 0,
    tpm_minute  BIGINT NOT NULL DEFAULT 0,
    tpm_used    BIGINT NOT NULL DEFAULT 0
);

-- One admission, atomically (the caller commits on 0 and rolls back otherwise):
-- 0 admitted, 1 requests per minute, 2 tokens per minute, 3 the key's quota, 4 the owner's balance.
CREATE FUNCTION admission_hold(
    p_instance TEXT, p_request TEXT, p_token BIGINT, p_user BIGINT, p_amount BIGINT,
    p_rpm INTEGER, p_tpm INTEGER, p_tokens BIGINT, p_now_ns BIGINT, p_minute BIGINT)
RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
    v_interval BIGINT;
    v_token_held BIGINT := 0;
    v_user_held BIGINT := 0;
BEGIN
    -- a hold is live state, not the ledger: its commit need not wait for the disk (6× faster measured,
    -- docs/SCALING.md); a database crash may forget the last ~0.6 s of holds, never a charge
    PERFORM set_config('synchronous_commit', 'off', true);
    IF p_rpm > 0 OR p_tpm > 0 THEN
        INSERT INTO admission_rates (token_id) VALUES (p_token) ON CONFLICT DO NOTHING;
    END IF;
    IF p_rpm > 0 THEN
        -- a burst of p_rpm, then one every minute / p_rpm (the single router's token bucket)
        v_interval := (60000000000 + p_rpm - 1) / p_rpm;
        UPDATE admission_rates SET rpm_tat_ns = GREATEST(rpm_tat_ns, p_now_ns) + v_interval
         WHERE token_id = p_token
           AND GREATEST(rpm_tat_ns, p_now_ns) + v_interval - p_now_ns <= v_interval * p_rpm;
        IF NOT FOUND THEN RETURN 1; END IF;
    END IF;
    IF p_tpm > 0 THEN
        UPDATE admission_rates
           SET tpm_used = (CASE WHEN tpm_minute = p_minute THEN tpm_used ELSE 0 END) + p_tokens,
               tpm_minute = p_minute
         WHERE token_id = p_token
           AND (CASE WHEN tpm_minute = p_minute THEN tpm_used ELSE 0 END) + p_tokens <= p_tpm;
        IF NOT FOUND THEN RETURN 2; END IF;
    END IF;
    UPDATE tokens SET held_quota = held_quota + p_amount
     WHERE id = p_token AND quota_limit <> -1 AND used_quota + held_quota + p_amount <= quota_limit;
    IF FOUND THEN
        v_token_held := p_amount;
    ELSIF EXISTS (SELECT 1 FROM tokens WHERE id = p_token AND quota_limit <> -1) THEN
        RETURN 3;
    END IF;
    UPDATE users SET held_balance = held_balance + p_amount
     WHERE id = p_user AND balance <> -1 AND held_balance + p_amount <= balance;
    IF FOUND THEN
        v_user_held := p_amount;
    ELSIF EXISTS (SELECT 1 FROM users WHERE id = p_user AND balance <> -1) THEN
        RETURN 4;
    END IF;
    INSERT INTO admission_holds (request_id, instance_id, token_id, user_id, token_held, user_held, tokens, minute)
    VALUES (p_request, p_instance, p_token, p_user, v_token_held, v_user_held, p_tokens, p_minute);
    RETURN 0;
END $$;
