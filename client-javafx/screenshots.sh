#!/usr/bin/env bash
# Screenshots of every page of the desktop client, light and dark (and the dashboard in Chinese),
# taken from the real app under Xvfb against a router with traffic from a fake upstream.
#   client-javafx/screenshots.sh [OUT_DIR]      (default: client-javafx/target/screenshots)
# Needs: java, python3, curl, xvfb-run, xdotool, imagemagick (apt-get install -y xvfb xauth xdotool imagemagick).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$(realpath -m "${1:-client-javafx/target/screenshots}")
JAR=${BURNCLOUD_JAR:-dist/burncloud.jar}
for tool in java python3 curl xvfb-run xdotool import; do
    command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }
done
[ -f "$JAR" ] || ./mvnw -B -o -q package -DskipTests -pl cli -am
mkdir -p "$OUT"
WORK=$(mktemp -d)
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

UPSTREAM_PORT=$(free_port)
python3 client-javafx/screenshots/fake-upstream.py "$UPSTREAM_PORT" &
PIDS+=($!)
export PORT=$(free_port) DATABASE_URL="sqlite:$WORK/burncloud.db" BURNCLOUD_ROOT_PASSWORD=screenshots-password LOG_LEVEL=warn
BC="http://127.0.0.1:$PORT"
bc() { java -jar "$JAR" "$@" >/dev/null; }

bc channel add --name openai-main --type openai --base-url "http://127.0.0.1:$UPSTREAM_PORT/v1" --key sk-upstream-1 \
    --models gpt-4o,gpt-4o-mini --priority 10 --weight 3
bc channel add --name deepseek --type openai --base-url "http://127.0.0.1:$UPSTREAM_PORT/v1" --key sk-upstream-2 \
    --models deepseek-chat --weight 1
bc channel add --name claude --type anthropic --base-url "http://127.0.0.1:9" --key sk-ant-offline \
    --models claude-sonnet-4-5
bc channel add --name bedrock-us --type bedrock --key "AKIAEXAMPLE|secretexample" \
    --models anthropic.claude-3-haiku-20240307-v1:0 --config '{"region":"us-east-1"}'
bc channel disable 4
bc price set gpt-4o --input 2.5 --output 10
bc price set gpt-4o-mini --input 0.15 --output 0.6
bc price set deepseek-chat --input 0.27 --output 1.1
bc price set claude-sonnet-4-5 --input 3 --output 15 --cached-input 0.3
KEY=$(java -jar "$JAR" token create --name screenshots | grep -o 'sk-[A-Za-z0-9_-]*' | head -1)
bc token create --name team-app --quota 25 --models gpt-4o,gpt-4o-mini
bc token create --name wallboard --expires 2027-06-30

java -jar "$JAR" router >"$WORK/router.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do curl -fs "$BC/health" >/dev/null && break; sleep 0.5; done

# traffic with a changing rate, whole and streamed, over three models
(
    i=0
    while true; do
        i=$((i + 1))
        case $((i % 3)) in 0) m=gpt-4o ;; 1) m=gpt-4o-mini ;; *) m=deepseek-chat ;; esac
        s=$([ $((i % 2)) = 0 ] && echo true || echo false)
        curl -s -o /dev/null "$BC/v1/chat/completions" -H "authorization: Bearer $KEY" \
            -H 'content-type: application/json' \
            -d "{\"model\":\"$m\",\"stream\":$s,\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}" &
        sleep "0.$(( (RANDOM % 6) + 1 + (i / 40 % 2) * 3 ))"
    done
) &
PIDS+=($!)
sleep 60
TOKEN=$(curl -s "$BC/api/auth/login" -H 'content-type: application/json' \
    -d '{"username":"root","password":"screenshots-password"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
for id in 1 2 3; do curl -s -o /dev/null -X POST "$BC/api/channels/$id/test" -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '{}'; done

# one run of the real app per look: theme/language from its settings file, pages by Ctrl+1..6
shoot() { # NAME THEME LANGUAGE PAGES...
    local name=$1 theme=$2 language=$3
    shift 3
    local cfg="$WORK/cfg-$name"
    mkdir -p "$cfg"
    printf 'theme=%s\nlanguage=%s\nwindow.width=1360\nwindow.height=820\n' "$theme" "$language" >"$cfg/client.properties"
    BURNCLOUD_CONFIG_DIR="$cfg" BURNCLOUD_ACCESS_TOKEN="$TOKEN" LANG=C.UTF-8 \
        xvfb-run -a -s "-screen 0 1440x900x24" bash -c '
        java -jar "$0" client --server "$1" >"$2/client-$3.log" 2>&1 &
        app=$!
        sleep 45
        out=$2 name=$3
        shift 3
        # no window manager: JavaFX centres the 1360x820 window at (40, 27); click the rail items
        for page in "$@"; do
            xdotool mousemove 140 $((27 + 84 + 42 * (${page%%:*} - 1))) click 1
            sleep 6
            if [ "${page#*:}" = logs ]; then xdotool mousemove 600 245 click 1; sleep 1; fi
            xdotool mousemove 1430 890
            # the whole screen, trimmed to the window (the screen around it is black)
            import -window root "$out/$name-${page#*:}.png"
            convert "$out/$name-${page#*:}.png" -trim +repage "$out/$name-${page#*:}.png"
        done
        kill $app' "$JAR" "$BC" "$OUT" "$name" "$@"
}
shoot light light en 1:dashboard 2:channels 3:tokens 4:logs 5:prices 6:settings
shoot dark dark en 1:dashboard 2:channels 3:tokens 4:logs 5:prices 6:settings
shoot zh light zh-CN 1:dashboard 2:channels
echo "screenshots in $OUT:"
ls "$OUT"
