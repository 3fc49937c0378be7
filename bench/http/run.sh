#!/usr/bin/env bash
# Lede's HTTP server vs a Hummingbird 2 baseline (bench/baselines/hummingbird-baseline), side by side in one run,
# loopback only, with wrk: GET /healthz at 64 and 256 connections, POST /v1/extract (2 KB JSON) at 64.
# Each cell is the median of RUNS runs of DURATION seconds. Prints a markdown table.
#   bench/http/run.sh            (make bench-http)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-3}
DURATION=${DURATION:-10s}
LEDE_PORT_BENCH=${LEDE_PORT_BENCH:-18080}
HB_PORT=${HB_PORT:-18081}
mkdir -p bench/out

command -v wrk >/dev/null || { echo "wrk missing: apt-get install wrk" >&2; exit 1; }
swift build -c release --product lede >/dev/null
swift build -c release --package-path bench/baselines/hummingbird-baseline >/dev/null
HB_BIN="$(swift build -c release --package-path bench/baselines/hummingbird-baseline --show-bin-path)/HummingbirdBaseline"

# A ~2 KB request: the first paragraphs of the example article.
python3 - <<'PY'
import json
text = open("../shared/examples/moscow-iran-2025-06-23.txt", encoding="utf-8").read()[:1900]
open("bench/out/http-body.json", "w").write(json.dumps({"text": text}))
PY
export LEDE_BENCH_BODY=bench/out/http-body.json

LEDE_LOGGING_ACCESS_LOG=false LEDE_PORT=$LEDE_PORT_BENCH .build/release/lede serve >/dev/null 2>&1 &
LEDE_PID=$!
"$HB_BIN" "$HB_PORT" >/dev/null 2>&1 &
HB_PID=$!
trap 'kill $LEDE_PID $HB_PID 2>/dev/null || true' EXIT
for port in $LEDE_PORT_BENCH $HB_PORT; do
  for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
done

rss() { awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$1/status"; }

# One wrk run → "req/s p50 p99" (latencies in ms).
measure() {
  local url=$1 conns=$2 script=${3:-}
  local args=(-t2 -c"$conns" -d"$DURATION" --latency)
  [ -n "$script" ] && args+=(-s "$script")
  wrk "${args[@]}" "$url" | awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ { rps=$2 } /^ +50%/ { p50=ms($2) } /^ +99%/ { p99=ms($2) }
    END { printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}

# Median of RUNS runs, by req/s.
median() {
  for _ in $(seq "$RUNS"); do measure "$@"; done | sort -n | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}'
}

echo "| load | server | req/s | p50 ms | p99 ms | RSS after |"
echo "|---|---|---:|---:|---:|---:|"
for row in "GET /healthz c64|/healthz|64|" "GET /healthz c256|/healthz|256|" "POST /v1/extract 2 KB c64|/v1/extract|64|bench/http/post.lua"; do
  IFS='|' read -r name path conns script <<<"$row"
  for server in lede hummingbird; do
    if [ "$server" = lede ]; then port=$LEDE_PORT_BENCH; pid=$LEDE_PID; else port=$HB_PORT; pid=$HB_PID; fi
    read -r rps p50 p99 <<<"$(median "http://127.0.0.1:$port$path" "$conns" "$script")"
    echo "| $name | $server | $rps | $p50 | $p99 | $(rss $pid) |"
  done
done
