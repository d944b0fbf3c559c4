#!/usr/bin/env bash
# Cost of one admission shared through PostgreSQL (docs/SCALING.md): pgbench calls the V5 function
# admission_hold(...) — requests per minute, tokens per minute, the key's quota and the owner's
# balance, one transaction — the way a router does, in a fresh schema migrated by the real jar.
#
#   bench/admission.sh            # needs dist/burncloud.jar (./mvnw -B -pl cli -am package) and pgbench
#
# Environment: BENCH_PG [postgres://postgres@127.0.0.1:5432/test], BENCH_SECONDS [10],
# BENCH_CLIENTS [1 4] (pgbench clients per run; a router uses 4 admission threads; all hit one key,
# the worst case: its row is locked by each hold in turn). Each run is preceded by an empty
# transaction's cost, the floor of the machine at that moment.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
PG=${BENCH_PG:-postgres://postgres@127.0.0.1:5432/test}
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
CLIENTS=${BENCH_CLIENTS:-1 4}
schema="bc_bench_$$"
work="$(mktemp -d)"
trap 'psql -q "$PG" -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

# the jar migrates the schema (user add is the cheapest command that opens the database)
(cd "$work" && DATABASE_URL="$PG?currentSchema=$schema" BURNCLOUD_SECRET_KEY="$(openssl rand -base64 32)" \
    java -jar "$root/dist/burncloud.jar" user add --username bench --balance 1000000 >/dev/null)
psql -q "$PG" <<SQL
SET search_path = $schema;
INSERT INTO tokens (user_id, name, key_hash, key_prefix, quota_limit, rpm, tpm, created_at, updated_at)
SELECT id, 'bench', 'bench-hash', 'sk-bench', 1000000000000000, 2000000000, 2000000000, 0, 0
  FROM users WHERE username = 'bench';
SQL
token=$(psql -qtA "$PG" -c "SELECT id FROM $schema.tokens WHERE key_hash = 'bench-hash'")
user=$(psql -qtA "$PG" -c "SELECT user_id FROM $schema.tokens WHERE key_hash = 'bench-hash'")
cat > "$work/admit.sql" <<SQL
\set r random(1, 1000000000)
BEGIN;
SELECT $schema.admission_hold('bench', 'req-' || :client_id || '-' || :r, $token, $user, 39000, 2000000000,
    2000000000, 29, (extract(epoch from clock_timestamp()) * 1e9)::bigint,
    (extract(epoch from clock_timestamp()) / 60)::bigint);
COMMIT;
SQL
printf 'BEGIN;\nSELECT 1;\nCOMMIT;\n' > "$work/empty.sql"
for c in $CLIENTS; do
    # the floor: an empty transaction's round trips on this machine, now
    echo "== empty transaction, $c client(s), ${SECONDS_PER_RUN}s"
    pgbench -n -M prepared -c "$c" -j "$c" -T "$SECONDS_PER_RUN" -f "$work/empty.sql" "$PG" 2>&1 \
        | grep -E "^(latency average|tps)"
    echo "== admission_hold, $c client(s), ${SECONDS_PER_RUN}s"
    PGOPTIONS="-c search_path=$schema" pgbench -n -M prepared -c "$c" -j "$c" -T "$SECONDS_PER_RUN" \
        -f "$work/admit.sql" "$PG" 2>&1 | grep -E "^(latency average|tps|number of transactions actually)"
    psql -q "$PG" -c "TRUNCATE $schema.admission_holds; UPDATE $schema.tokens SET held_quota = 0;
        UPDATE $schema.users SET held_balance = 0" >/dev/null
done
