#!/usr/bin/env bash
# BurnCloud benchmark, one command: bench/run.sh [--quick] [--no-profile] [--peers] [--soak]
#
# Starts a canned fake OpenAI upstream (nginx) and a paced SSE upstream (bench/streamprobe.py),
# then measures, in the same run on loopback: the upstream directly, nginx as a plain reverse proxy,
# and BurnCloud (dist/burncloud.jar, auth + routing + billing on, fresh SQLite database configured
# with the CLI). The proxy under test is pinned to one core, wrk and the upstreams to the other.
# Prints a markdown report on stdout (progress goes to stderr) and keeps it, with the raw data, the
# logs and the profiles, in bench/results/<date>/. See docs/BENCHMARKS.md.
#
# Environment (defaults in brackets):
#   BENCH_DURATION [10]        seconds per wrk case
#   BENCH_WARMUP [40]          seconds of wrk against BurnCloud before measuring (JIT warm-up;
#                              half non-stream, half stream: on one core C2 needs ~30 s)
#   BENCH_CONNECTIONS [64]     wrk connections
#   BENCH_LATENCY_STREAMS [200] streams per target in the TTFB / chunk-delay measurement
#   BENCH_GAP_MS [2]           pause of the paced upstream before each SSE event
#   BENCH_HOLD_STREAMS [1000]  concurrent open streams for the RSS measurement
#   BENCH_PROFILE [1]          0: skip the profiling phase (async-profiler, else JFR)
#   BENCH_JAVA_OPTS [none]     JVM options for the gateway; unset or empty = plain `java -jar dist/burncloud.jar
#                              router`, as the design card starts it (the jar relaunches itself with the
#                              launcher's options, see docs/OPERATIONS.md); "launcher" = the burncloud script's
#                              default_opts given directly (one JVM)
#   BENCH_STARTS [3]           starts timed (start → first 200 from /v1/chat/completions)
#   BENCH_SOAK_SECONDS [600]   --soak: how long the 1,000 streams stay open while RSS is sampled
#   BENCH_PORTKEY_VERSION [1.15.2]  --peers: the @portkey-ai/gateway version npm installs into the temp folder
#   BENCH_PROXY_CPU [0], BENCH_LOAD_CPU [1]   the two cores
#   JAVA_HOME                  JDK to run the gateway with (default: java on the PATH)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-40}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
LAT_STREAMS=${BENCH_LATENCY_STREAMS:-200}
GAP_MS=${BENCH_GAP_MS:-2}
HOLD_STREAMS=${BENCH_HOLD_STREAMS:-1000}
PROFILE=${BENCH_PROFILE:-1}
PROXY_CPU=${BENCH_PROXY_CPU:-0}
LOAD_CPU=${BENCH_LOAD_CPU:-1}
# what the README's `./burncloud router` runs, read from the launcher so the two never drift apart
LAUNCHER_OPTS="$(sed -n 's/^default_opts="\(.*\)"$/\1/p' "$root/burncloud")"
GW_JAVA_OPTS=${BENCH_JAVA_OPTS:-}
[ "$GW_JAVA_OPTS" = launcher ] && GW_JAVA_OPTS="$LAUNCHER_OPTS"
STARTS=${BENCH_STARTS:-3}
SOAK=0
SOAK_SECONDS=${BENCH_SOAK_SECONDS:-600}
PEERS=0
PORTKEY_VERSION=${BENCH_PORTKEY_VERSION:-1.15.2}
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
JAVA_CMD="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JCMD="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"
ASYNC_PROFILER_VERSION=4.1

while [ $# -gt 0 ]; do
  case "$1" in
    --quick) DURATION=5; WARMUP=20; LAT_STREAMS=100 ;;
    --no-profile) PROFILE=0 ;;
    --peers) PEERS=1 ;;
    --soak) SOAK=1 ;;
    -h|--help) sed -n '2,/^set -euo/{/^set /d;p;}' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

say() { printf '%s\n' "bench: $*" >&2; }
die() { say "error: $*"; exit 1; }

# ------------------------------------------------------------------------------------ prerequisites
[ "$(nproc --all)" -ge 2 ] || die "needs at least 2 cores (one for the proxy, one for load + upstream)"
[ "$PROXY_CPU" != "$LOAD_CPU" ] || die "BENCH_PROXY_CPU and BENCH_LOAD_CPU must differ"
command -v python3 >/dev/null || die "python3 is required"
command -v taskset >/dev/null || die "taskset (util-linux) is required"
command -v curl >/dev/null || die "curl is required"
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  [ "$(id -u)" = 0 ] || die "wrk and nginx are missing: apt-get install wrk nginx-light"
  say "installing wrk and nginx-light"
  apt-get install -y -q -o DPkg::Lock::Timeout=180 wrk nginx-light >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q -o DPkg::Lock::Timeout=180 wrk nginx-light >/dev/null; } \
    || die "could not install wrk nginx-light"
fi
if ! command -v gnuplot >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    say "installing gnuplot-nox (for the plots)"
    apt-get install -y -q -o DPkg::Lock::Timeout=180 gnuplot-nox >/dev/null 2>&1 \
      || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q -o DPkg::Lock::Timeout=180 gnuplot-nox >/dev/null 2>&1; } \
      || say "could not install gnuplot-nox: no plots"
  else
    say "gnuplot is missing (apt-get install gnuplot-nox): no plots"
  fi
fi
JAR="$root/dist/burncloud.jar"
if [ ! -f "$JAR" ]; then
  say "building $JAR"
  (cd "$root" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package -pl cli -am) >&2 || die "build failed"
fi
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ "$(ulimit -n)" -ge $((HOLD_STREAMS * 2 + 200)) ] || die "open-file limit $(ulimit -n) is too low for $HOLD_STREAMS streams"

# --------------------------------------------------------------------------------------- workspace
stamp="$(date +%Y%m%d-%H%M%S)"
out="$root/bench/results/$stamp"
mkdir -p "$out"
tmp="$(mktemp -d /tmp/burncloud-bench.XXXXXX)"
chmod 755 "$tmp"
results="$out/results.jsonl"
: >"$results"
pids=()

cleanup() {
  local code=$?
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  rm -rf "$tmp"
  exit $code
}
trap cleanup EXIT
trap 'exit 130' INT TERM

read -r UP_PORT PACED_PORT PROXY_PORT BC_PORT PK_PORT <<<"$(python3 "$here/bench.py" ports 5)"
FIXTURE_JSON="$root/fixtures/openai/chat-completion.openapi-spec-example.json"
FIXTURE_SSE="$root/fixtures/openai/chat-stream-include-usage.weather-sf.sse"
mkdir -p "$tmp/www"
cp "$FIXTURE_JSON" "$tmp/www/chat-completion.json"
cp "$FIXTURE_SSE" "$tmp/www/chat-stream.sse"
chmod -R a+rX "$tmp/www"
printf '%s' '{"model":"gpt-4o","messages":[{"role":"developer","content":"You are a helpful assistant."},{"role":"user","content":"Hello!"}]}' >"$tmp/json.body"
printf '%s' '{"model":"gpt-4o-stream","messages":[{"role":"user","content":"What'"'"'s the weather like in San Francisco?"}],"stream":true}' >"$tmp/stream.body"

nginx_user=""
[ "$(id -u)" = 0 ] && nginx_user="user root;"
render() { # template output
  sed -e "s#@TMP@#$tmp#g; s#@UPSTREAM_PORT@#$UP_PORT#g; s#@PACED_PORT@#$PACED_PORT#g" \
      -e "s#@PROXY_PORT@#$PROXY_PORT#g; s#@USER@#$nginx_user#g" "$1" >"$2"
}

wait_port() { # port what
  for _ in $(seq 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  die "$2 did not start listening on port $1"
}

# ---------------------------------------------------------------------------------------- machine
cpu_model="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
hv="$(lscpu 2>/dev/null | awk -F: '/Hypervisor vendor/{gsub(/^ +/, "", $2); print $2}')"
[ -n "$hv" ] && cpu_model="$cpu_model ($hv guest)"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
say "machine: $cpu_model, $(nproc --all) cores; load average $load_before"
# how busy the machine is without us: core utilisation over 3 s before anything starts
idle_check="$(python3 - <<'EOF'
import sys, time
sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else ".")
def cpu():
    out = {}
    for line in open("/proc/stat"):
        if line.startswith("cpu") and line[3].isdigit():
            name, *v = line.split(); v = [int(x) for x in v[:8]]
            out[name] = (sum(v) - v[3] - v[4], sum(v))
    return out
a = cpu(); time.sleep(3); b = cpu()
print(" ".join(f"{k}={100 * (b[k][0] - a[k][0]) / max(1, b[k][1] - a[k][1]):.0f}%" for k in sorted(b)))
EOF
)"
say "core utilisation before the run (other processes): $idle_check"
busiest="$(sed 's/[^ ]*=\([0-9]*\)%/\1/g' <<<"$idle_check" | tr ' ' '\n' | sort -n | tail -1)"
if [ "${busiest:-0}" -ge 10 ] || awk -v l="${load_before%% *}" 'BEGIN{exit !(l >= 0.5)}'; then
  verdict="BUSY machine: other processes were using the CPUs ($idle_check before the run), numbers are noisy"
else
  verdict="quiet machine ($idle_check before the run)"
fi
# without options the jar relaunches itself with the launcher's: those are the ones the gateway runs with
ergo="$(taskset -c "$PROXY_CPU" "$JAVA_CMD" ${GW_JAVA_OPTS:-$LAUNCHER_OPTS} -XX:+PrintFlagsFinal -version 2>/dev/null \
  | awk '/ Use(Serial|G1|Parallel|Z|Shenandoah)GC /&&/true/{gc=$2} / MaxHeapSize /{mx=$4} / InitialHeapSize /{ix=$4}
         END{printf "on 1 core the JVM picks %s, initial heap %d MiB, max heap %d MiB", gc, ix/1048576, mx/1048576}')"

python3 - "$results" <<EOF
import json, sys
meta = {"kind": "meta", "date": "$stamp", "cpu": """$cpu_model""", "nproc": $(nproc --all),
        "mem": "$(awk '/MemTotal/{printf "%.0f GiB RAM", $2/1048576}' /proc/meminfo)",
        "kernel": "$(uname -sr)", "load_before": "$load_before", "idle_check": "$idle_check",
        "busy_verdict": """$verdict""",
        "java": """$("$JAVA_CMD" -version 2>&1 | sed -n 2p)""", "nginx": """$(nginx -v 2>&1)""",
        "wrk": "wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')",
        "commit": "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$root" diff --quiet HEAD -- 2>/dev/null || echo ' (modified tree)')",
        "java_opts": """$GW_JAVA_OPTS""", "jvm_ergonomics": """$ergo""",
        "proxy_cpu": "$PROXY_CPU", "load_cpu": "$LOAD_CPU", "duration": $DURATION,
        "connections": $CONNECTIONS, "warmup": $WARMUP}
open(sys.argv[1], "a").write(json.dumps(meta) + "\n")
EOF

# --------------------------------------------------------------------------------------- upstreams
render "$here/conf/upstream.nginx.conf" "$tmp/upstream.conf"
render "$here/conf/proxy.nginx.conf" "$tmp/proxy.conf"
taskset -c "$LOAD_CPU" nginx -p "$tmp" -c "$tmp/upstream.conf" -g 'daemon off;' 2>>"$out/nginx.log" &
pids+=($!)
wait_port "$UP_PORT" "nginx upstream"
taskset -c "$PROXY_CPU" nginx -p "$tmp" -c "$tmp/proxy.conf" -g 'daemon off;' 2>>"$out/nginx.log" &
NGINX_PROXY_PID=$!
pids+=($NGINX_PROXY_PID)
wait_port "$PROXY_PORT" "nginx proxy"
nginx_proxy_pids=("$NGINX_PROXY_PID" $(pgrep -P "$NGINX_PROXY_PID"))

# --------------------------------------------------------------------------------------- BurnCloud
export DATABASE_URL="sqlite:$tmp/bench.db"
# a copy: a rebuild of dist/ during the run cannot disturb it, and the class-data archive the first
# start writes beside it goes away with the temporary folder
cp "$JAR" "$tmp/burncloud.jar"
JAR="$tmp/burncloud.jar"
bc() { "$JAVA_CMD" -jar "$JAR" "$@"; }
# shellcheck disable=SC2086 # GW_JAVA_OPTS is a list of options
gateway_cmd=(taskset -c "$PROXY_CPU" "$JAVA_CMD" $GW_JAVA_OPTS -jar "$JAR" router)
JAVA_VERSION="$("$JAVA_CMD" -version 2>&1 | head -1 | tr -d '"')"
export JAVA_VERSION
# The first start creates the database (admin commands never create one). It is configured with the
# CLI while it runs, serves one chat request and is stopped with SIGTERM: started without options, its
# relaunched JVM then writes the class-data archive the later starts map (what a user's first run does).
say "first start of BurnCloud: creates the database, is configured with the CLI, writes its class-data archive"
PORT=$BC_PORT HOST=127.0.0.1 "${gateway_cmd[@]}" >"$out/burncloud-first.log" 2>&1 &
first_pid=$!
pids+=($first_pid)
for _ in $(seq 600); do
  curl -sf "http://127.0.0.1:$BC_PORT/health" >/dev/null 2>&1 && break
  kill -0 "$first_pid" 2>/dev/null || { cat "$out/burncloud-first.log" >&2; die "BurnCloud exited"; }
  sleep 0.1
done
bc channel add --name bench --type openai --base-url "http://127.0.0.1:$UP_PORT/json/v1" --key sk-x --models gpt-4o >/dev/null
bc channel add --name bench-stream --type openai --base-url "http://127.0.0.1:$UP_PORT/sse/v1" --key sk-x --models gpt-4o-stream >/dev/null
bc channel add --name bench-paced --type openai --base-url "http://127.0.0.1:$PACED_PORT/paced/v1" --key sk-x --models gpt-4o-paced,gpt-4o-hold >/dev/null
bc price set gpt-4o --input 1 --output 2 >/dev/null
for m in gpt-4o-stream gpt-4o-paced gpt-4o-hold; do bc price set "$m" --alias gpt-4o >/dev/null; done
KEY="$(bc token create --name bench --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')"
for b in json stream; do
  for _ in $(seq 100); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -H "Authorization: Bearer $KEY" \
      --data-binary "@$tmp/$b.body" "http://127.0.0.1:$BC_PORT/v1/chat/completions")" = 200 ] && break
    sleep 0.1 # the new channels reach the router within SNAPSHOT_REFRESH_MS
  done
done
kill "$first_pid"
first_status=0
wait "$first_pid" || first_status=$?
[ "$first_status" = 0 ] || say "warning: the first BurnCloud exited with status $first_status after SIGTERM"
python3 -c "import json,sys; print(json.dumps({'kind': 'note', 'text': sys.argv[1]}))" \
  "The first start (configured while running, then stopped with SIGTERM: exit status $first_status) is not timed: it creates the database and, started without options, the class-data archive." >>"$results"

say "start-up: $STARTS starts, each timed from the process start to the first 200 from /v1/chat/completions"
for _ in $(seq "$STARTS"); do
  python3 "$here/bench.py" start --log "$out/burncloud-starts.log" "$BC_PORT" "$KEY" "$tmp/json.body" -- "${gateway_cmd[@]}" \
    | python3 -c "import json,os,sys; r=json.load(sys.stdin); r['label']='with its archive'; r['java']=os.environ['JAVA_VERSION']; print(json.dumps(r))" \
    | tee -a "$results" \
    | python3 -c "import json,sys; r=json.load(sys.stdin); print(f\"    first 200 after {r['first_200_s']} s (CPU {r['cpu_s']} s), exit status {r['exit_status']}\")" >&2
done

say "starting BurnCloud on CPU $PROXY_CPU: java ${GW_JAVA_OPTS:+$GW_JAVA_OPTS }-jar dist/burncloud.jar router"
PORT=$BC_PORT HOST=127.0.0.1 SHUTDOWN_GRACE_S=2 "${gateway_cmd[@]}" >"$out/burncloud.log" 2>&1 &
BC_PID=$!
pids+=($BC_PID)
for _ in $(seq 300); do
  curl -sf "http://127.0.0.1:$BC_PORT/health" >/dev/null 2>&1 && break
  kill -0 "$BC_PID" 2>/dev/null || { cat "$out/burncloud.log" >&2; die "BurnCloud exited"; }
  sleep 0.1
done
curl -sf "http://127.0.0.1:$BC_PORT/health" >/dev/null || die "BurnCloud did not become healthy"
# plain `java -jar` is two JVMs (the relaunch): every CPU and memory figure sums the whole tree
read -r -a BC_PIDS <<<"$(python3 "$here/bench.py" tree "$BC_PID")"
BC_JVM="${BC_PIDS[${#BC_PIDS[@]}-1]}" # the JVM that serves (the child when relaunched)
say "BurnCloud processes: ${BC_PIDS[*]} (serving JVM $BC_JVM)"

# -------------------------------------------------------------------------------------------- peers
PK_PIDS=()
if [ "$PEERS" = 1 ]; then
  if command -v npm >/dev/null && command -v node >/dev/null; then
    say "installing @portkey-ai/gateway@$PORTKEY_VERSION with npm into the temporary folder"
    if (cd "$tmp" && npm install --prefix "$tmp/portkey" --no-audit --no-fund --silent "@portkey-ai/gateway@$PORTKEY_VERSION") >"$out/npm.log" 2>&1; then
      NODE_ENV=production taskset -c "$PROXY_CPU" node "$tmp/portkey/node_modules/@portkey-ai/gateway/build/start-server.js" \
        --port="$PK_PORT" --headless >"$out/portkey.log" 2>&1 &
      pk_pid=$!
      pids+=($pk_pid)
      wait_port "$PK_PORT" "Portkey"
      read -r -a PK_PIDS <<<"$(python3 "$here/bench.py" tree "$pk_pid")"
      python3 -c "import json,sys; print(json.dumps({'kind': 'note', 'text': sys.argv[1]}))" \
        "Portkey gateway $PORTKEY_VERSION (npm, node $(node --version)) through the same wrk cases: x-portkey-provider openai and x-portkey-custom-host pointing at the same upstream; it has no key store, routing table, billing or request log of its own in this setup." >>"$results"
    else
      say "npm could not install @portkey-ai/gateway@$PORTKEY_VERSION (see npm.log): peers skipped"
      python3 -c "import json,sys; print(json.dumps({'kind': 'note', 'text': sys.argv[1]}))" \
        "Portkey skipped: npm install @portkey-ai/gateway@$PORTKEY_VERSION failed (npm.log)." >>"$results"
    fi
  else
    say "npm is not installed: peers skipped"
    python3 -c "import json,sys; print(json.dumps({'kind': 'note', 'text': sys.argv[1]}))" \
      "Portkey skipped: npm is not installed on this machine." >>"$results"
  fi
fi

check() { # url body-file key
  local code
  code="$(curl -s -o "$tmp/check.out" -w '%{http_code}' -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $3" --data-binary "@$2" "$1")"
  [ "$code" = 200 ] || { cat "$tmp/check.out" >&2; die "POST $1 answered $code"; }
}
for base in "http://127.0.0.1:$UP_PORT" "http://127.0.0.1:$PROXY_PORT"; do
  check "$base/json/v1/chat/completions" "$tmp/json.body" "$KEY"
  check "$base/sse/v1/chat/completions" "$tmp/stream.body" "$KEY"
done
check "http://127.0.0.1:$BC_PORT/v1/chat/completions" "$tmp/json.body" "$KEY"
check "http://127.0.0.1:$BC_PORT/v1/chat/completions" "$tmp/stream.body" "$KEY"

sleep 2
rss_record() { # label process state pid...
  local label=$1 process=$2 state=$3
  shift 3
  python3 "$here/bench.py" rss "$@" | python3 -c "import json,sys; r=json.load(sys.stdin); r.update(kind='rss', label='$label', process='$process', state='$state'); print(json.dumps(r))" >>"$results"
}
rss_record bc-idle burncloud "idle, after start (fresh)" "${BC_PIDS[@]}"
rss_record nginx-idle nginx-proxy "idle, after start" "${nginx_proxy_pids[@]}"

# -------------------------------------------------------------------------------------- throughput
wrk_case() { # case label url body-file [pid...]
  local case=$1 label=$2 url=$3 body=$4
  shift 4
  local pidargs=()
  for p in "$@"; do pidargs+=(--pid "$p"); done
  python3 "$here/bench.py" wrk "$case" "$label" "$url" --body-file "$body" --key "$KEY" \
    --duration "$DURATION" --connections "$CONNECTIONS" --load-cpu "$LOAD_CPU" --lua "$here/chat.lua" \
    --results "$results" ${pidargs[@]+"${pidargs[@]}"}
}
say "warming BurnCloud up for ${WARMUP} s"
half=$(( (WARMUP + 1) / 2 ))
for b in json stream; do
  BENCH_BODY="$(cat "$tmp/$b.body")" BENCH_KEY="$KEY" taskset -c "$LOAD_CPU" \
    wrk -t1 -c"$CONNECTIONS" -d"${half}s" -s "$here/chat.lua" "http://127.0.0.1:$BC_PORT/v1/chat/completions" >>"$out/warmup.log" 2>&1
done

say "throughput: wrk -t1 -c$CONNECTIONS -d${DURATION}s per case"
for b in json stream; do
  case $b in json) case=non-stream; path=json ;; stream) case=stream; path=sse ;; esac
  wrk_case "$case" direct "http://127.0.0.1:$UP_PORT/$path/v1/chat/completions" "$tmp/$b.body"
  wrk_case "$case" nginx-proxy "http://127.0.0.1:$PROXY_PORT/$path/v1/chat/completions" "$tmp/$b.body" "${nginx_proxy_pids[@]}"
  wrk_case "$case" burncloud "http://127.0.0.1:$BC_PORT/v1/chat/completions" "$tmp/$b.body" "${BC_PIDS[@]}"
  if [ ${#PK_PIDS[@]} -gt 0 ]; then
    BENCH_HEADERS="x-portkey-provider: openai|x-portkey-custom-host: http://127.0.0.1:$UP_PORT/$path/v1" \
      wrk_case "$case" portkey "http://127.0.0.1:$PK_PORT/v1/chat/completions" "$tmp/$b.body" "${PK_PIDS[@]}"
  fi
done

# ---------------------------------------------------------------------------------- stream latency
say "stream latency: $LAT_STREAMS streams per target, paced upstream"
probe() { # target port path [extra...]
  local target=$1 port=$2 path=$3
  shift 3
  taskset -c "$LOAD_CPU" python3 "$here/streamprobe.py" latency --port "$port" --path "$path" \
    --upstream-port "$PACED_PORT" --fixture "$FIXTURE_SSE" --key "$KEY" --streams "$LAT_STREAMS" --gap-ms "$GAP_MS" "$@" \
    | sed -n 's/^PROBE //p' | python3 -c "import json,sys; r=json.load(sys.stdin); r.update(kind='latency', target='$target'); print(json.dumps(r))" \
    | tee -a "$results" | python3 -c "import json,sys; r=json.load(sys.stdin); print(f\"    {r['target']:13s} TTFB p50 {r['ttfb_p50_us']} us, chunk delay p50 {r['chunk_p50_us']} us p99 {r['chunk_p99_us']} us\")" >&2
}
probe direct "$PACED_PORT" /paced/v1/chat/completions
probe nginx-proxy "$PROXY_PORT" /paced/v1/chat/completions
probe burncloud "$BC_PORT" /v1/chat/completions

# -------------------------------------------------------------------------------------------- RSS
sleep 1
rss_record bc-after-load burncloud "idle, after the load above" "${BC_PIDS[@]}"
say "memory: $HOLD_STREAMS concurrent open streams (one event per second each)"
hold() { # target port path pid...
  local target=$1 port=$2 path=$3
  shift 3
  local pidargs=()
  for p in "$@"; do pidargs+=(--pid "$p"); done
  taskset -c "$LOAD_CPU" python3 "$here/streamprobe.py" hold --port "$port" --path "$path" \
    --upstream-port "$PACED_PORT" --fixture "$FIXTURE_SSE" --key "$KEY" --streams "$HOLD_STREAMS" "${pidargs[@]}" \
    | sed -n 's/^PROBE //p' | python3 -c "import json,sys; r=json.load(sys.stdin); r.update(kind='hold', target='$target'); print(json.dumps(r))" \
    | tee -a "$results" | python3 -c "import json,sys; r=json.load(sys.stdin); print(f\"    {r['target']:13s} {r['streams_open']}/{r['streams_requested']} open, RSS {r['rss_kib']/1024:.0f} MB\")" >&2
}
hold nginx-proxy "$PROXY_PORT" /paced/v1/chat/completions "${nginx_proxy_pids[@]}"
hold burncloud "$BC_PORT" /v1/chat/completions "${BC_PIDS[@]}"
sleep 1
rss_record bc-after-hold burncloud "after the streams closed" "${BC_PIDS[@]}"
if [ "$SOAK" = 1 ]; then
  say "soak: $HOLD_STREAMS streams open for $SOAK_SECONDS s, RSS every 5 s"
  python3 "$here/bench.py" sample --seconds "$((SOAK_SECONDS + 60))" --out "$tmp/soak.jsonl" \
    $(for p in "${BC_PIDS[@]}"; do printf -- '--pid %s ' "$p"; done) &
  sampler=$!
  taskset -c "$LOAD_CPU" python3 "$here/streamprobe.py" hold --port "$BC_PORT" --path /v1/chat/completions \
    --upstream-port "$PACED_PORT" --fixture "$FIXTURE_SSE" --key "$KEY" --streams "$HOLD_STREAMS" \
    --settle "$SOAK_SECONDS" --timeout 120 >"$out/soak-probe.log" 2>&1 || say "the soak probe failed (soak-probe.log)"
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  python3 -c "import json,sys
for l in open(sys.argv[1]):
    r = json.loads(l); r['streams'] = int(sys.argv[2]); print(json.dumps(r))" "$tmp/soak.jsonl" "$HOLD_STREAMS" >>"$results"
fi
# the live heap: a class histogram forces a full GC; then the heap's occupancy
if "$JCMD" "$BC_JVM" GC.class_histogram >"$out/class-histogram.txt" 2>&1; then
  "$JCMD" "$BC_JVM" GC.heap_info >"$out/heap-info.txt" 2>&1 || true
  python3 - "$out/class-histogram.txt" "$out/heap-info.txt" >>"$results" <<'EOF2'
import json, re, sys
hist = open(sys.argv[1]).read()
total = re.search(r"^Total\s+\d+\s+(\d+)", hist, re.M)
top = [{"class": m.group(2), "bytes": int(m.group(1))}
       for m in re.finditer(r"^\s*\d+:\s+\d+\s+(\d+)\s+(\S+)", hist, re.M)][:6]
print(json.dumps({"kind": "heap", "live_bytes": int(total.group(1)) if total else None, "top": top,
                  "heap_info": open(sys.argv[2]).read().strip().splitlines()[1:]}))
EOF2
fi

# -------------------------------------------------------------------------------------- profiling
profile_section=""
if [ "$PROFILE" = 1 ]; then
  lib=""
  arch="$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"
  apjar="$HOME/.m2/repository/tools/profiler/async-profiler/$ASYNC_PROFILER_VERSION/async-profiler-$ASYNC_PROFILER_VERSION.jar"
  if [ ! -f "$apjar" ]; then
    say "fetching async-profiler $ASYNC_PROFILER_VERSION from Maven Central"
    (cd "$root" && ./mvnw -q -B dependency:get -Dartifact="tools.profiler:async-profiler:$ASYNC_PROFILER_VERSION" -Dtransitive=false) >/dev/null 2>&1 || true
  fi
  if [ -f "$apjar" ]; then
    python3 -c "import zipfile,sys; open(sys.argv[3],'wb').write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))" \
      "$apjar" "linux-$arch/libasyncProfiler.so" "$tmp/libasyncProfiler.so" 2>/dev/null && lib="$tmp/libasyncProfiler.so"
  fi
  # load the agent without profiling, then re-warm: loading it, the 1,000-stream phase and the full
  # GC above make the JIT recompile for a while, which would otherwise show up in the profile
  [ -n "$lib" ] && "$JAVA_CMD" "$here/Attach.java" "$BC_JVM" "$lib" "list" >>"$out/profiler.log" 2>&1
  for b in json stream; do
    BENCH_BODY="$(cat "$tmp/$b.body")" BENCH_KEY="$KEY" taskset -c "$LOAD_CPU" \
      wrk -t1 -c"$CONNECTIONS" -d5s -s "$here/chat.lua" "http://127.0.0.1:$BC_PORT/v1/chat/completions" >>"$out/warmup.log" 2>&1
  done
  for b in json stream; do
    case $b in json) case=non-stream ;; stream) case=stream ;; esac
    if [ -n "$lib" ]; then
      say "profiling BurnCloud ($case) with async-profiler $ASYNC_PROFILER_VERSION for ${DURATION} s"
      "$JAVA_CMD" "$here/Attach.java" "$BC_JVM" "$lib" "start,event=cpu,interval=1ms,threads" >>"$out/profiler.log" 2>&1
    else
      say "profiling BurnCloud ($case) with JFR for ${DURATION} s (async-profiler not available)"
      "$JCMD" "$BC_JVM" JFR.start name=bench settings=profile >>"$out/profiler.log" 2>&1
    fi
    BENCH_BODY="$(cat "$tmp/$b.body")" BENCH_KEY="$KEY" taskset -c "$LOAD_CPU" \
      wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -s "$here/chat.lua" "http://127.0.0.1:$BC_PORT/v1/chat/completions" >>"$out/profiler.log" 2>&1
    if [ -n "$lib" ]; then
      "$JAVA_CMD" "$here/Attach.java" "$BC_JVM" "$lib" "dump,file=$out/profile-$case.html" >>"$out/profiler.log" 2>&1 || true
      "$JAVA_CMD" "$here/Attach.java" "$BC_JVM" "$lib" "stop,file=$out/profile-$case.collapsed,collapsed" >>"$out/profiler.log" 2>&1 || true
      pfile="$out/profile-$case.collapsed"
    else
      "$JCMD" "$BC_JVM" JFR.stop name=bench filename="$out/profile-$case.jfr" >>"$out/profiler.log" 2>&1
      pfile="$out/profile-$case.jfr"
    fi
    if [ -s "$pfile" ]; then
      profile_section+=$'\n'"### Profile: $case ($(basename "$pfile"))"$'\n'"$(python3 "$here/bench.py" hot "$pfile" --top 15)"$'\n'
    else
      say "profiling produced no data (see $out/profiler.log)"
    fi
  done
fi

# ----------------------------------------------------------------------------------------- report
sleep 1
python3 "$here/bench.py" billing "$tmp/bench.db" \
  | python3 -c "import json,sys; r=json.load(sys.stdin); r['kind']='billing'; print(json.dumps(r))" >>"$results"
python3 - "$results" <<EOF
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
recs[0]["load_after"] = "$(cut -d' ' -f1-3 /proc/loadavg)"
open(sys.argv[1], "w").write("".join(json.dumps(r) + "\n" for r in recs))
EOF
{
  python3 "$here/bench.py" report "$results"
  if command -v gnuplot >/dev/null && plots="$(python3 "$here/bench.py" plot "$results" "$out" 2>>"$out/plot.log")" && [ -n "$plots" ]; then
    printf '### Plots\n\n'
    for p in $plots; do printf '![%s](%s)\n' "${p%.png}" "$p"; done
    printf '\n'
  fi
  printf '%s\n' "$profile_section"
} >"$out/report.md"
cat "$out/report.md"
say "report and raw data in ${out#"$root"/}/"
