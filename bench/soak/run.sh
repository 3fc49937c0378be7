#!/usr/bin/env bash
# Soak and abuse test (make soak), loopback only, bounded in time: Lede's server under wrk's mixed load
# (real articles POSTed to /v1/extract, GET /healthz) for SOAK_BASE_SECONDS alone, then for SOAK_SECONDS while
# bench/soak/abuse.py runs misbehaving clients beside it. Samples the server's RSS, open descriptors
# (/proc/PID/fd) and threads every SOAK_SAMPLE seconds, and prints a markdown summary (also written to
# bench/out/soak/summary.md, with the samples in rss.tsv).
#   SOAK_SECONDS=600 SOAK_BASE_SECONDS=60 SCRATCH=.build bench/soak/run.sh     (or LEDE_BIN=path/to/lede)
set -euo pipefail
cd "$(dirname "$0")/../.."
SOAK_SECONDS=${SOAK_SECONDS:-600}
SOAK_BASE_SECONDS=${SOAK_BASE_SECONDS:-60}
SOAK_SAMPLE=${SOAK_SAMPLE:-10}
SOAK_CONNECTIONS=${SOAK_CONNECTIONS:-8}
SOAK_PORT=${SOAK_PORT:-18090}
SCRATCH=${SCRATCH:-.build}
SHARED=${SHARED:-../shared}
OUT=bench/out/soak
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk missing: apt-get install wrk" >&2; exit 1; }

# LEDE_BIN: a lede binary already built (skips the build).
if [ -n "${LEDE_BIN:-}" ]; then LEDE=$LEDE_BIN; else
    nice -n 10 swift build --scratch-path "$SCRATCH" -c release --product lede >/dev/null
    LEDE=$(swift build --scratch-path "$SCRATCH" -c release --show-bin-path)/lede
fi

# 20 real articles of 1–8 KB (PolNeAR dev), one JSON body each.
python3 - "$SHARED" "$OUT" <<'PY'
import json, sys
shared, out = sys.argv[1], sys.argv[2]
n = 0
for line in open(f"{shared}/data/quotes/polnear/dev.jsonl", encoding="utf-8"):
    doc = json.loads(line)
    if 1000 <= len(doc["text"].encode()) <= 8000:
        n += 1
        open(f"{out}/body-{n}.json", "w").write(json.dumps({"text": doc["text"], "published": doc.get("date")}))
        if n == 1:
            open(f"{out}/article.txt", "w").write(doc["text"])
    if n == 20:
        break
PY

LEDE_LOGGING_ACCESS_LOG=false LEDE_HOST=127.0.0.1 LEDE_PORT=$SOAK_PORT "$LEDE" serve >"$OUT/server.log" 2>&1 &
PID=$!
SAMPLER=
trap 'kill $PID 2>/dev/null || true; [ -n "$SAMPLER" ] && kill $SAMPLER 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$SOAK_PORT/healthz" >/dev/null && break; sleep 0.2; done

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$PID/status"; }
fds() { ls "/proc/$PID/fd" | wc -l; }
threads() { awk '/Threads/ {print $2}' "/proc/$PID/status"; }
START_RSS=$(rss_kb); START_FDS=$(fds)
T0=$(date +%s)
( printf 'seconds\tphase\trss_mib\tfds\tthreads\n'
  while kill -0 $PID 2>/dev/null; do
      phase=$(cat "$OUT/phase" 2>/dev/null || echo start)
      printf '%s\t%s\t%.1f\t%s\t%s\n' "$(( $(date +%s) - T0 ))" "$phase" "$(echo "$(rss_kb) / 1024" | bc -l)" "$(fds)" "$(threads)"
      sleep "$SOAK_SAMPLE"
  done ) > "$OUT/rss.tsv" &
SAMPLER=$!

# One wrk run → "requests non2xx socket_errors p50_ms p99_ms" (timeouts at 30 s, not wrk's 2 s: an extraction
# queued behind others on two shared cores is slow, not failed).
load() {
  SOAK_BODIES=$OUT wrk -t2 -c"$SOAK_CONNECTIONS" -d"${1}s" --timeout 30s --latency -s bench/soak/mixed.lua \
      "http://127.0.0.1:$SOAK_PORT" > "$OUT/wrk-$2.txt"
  awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /requests in/ { req=$1 } /Non-2xx/ { bad=$NF } /Socket errors/ { gsub(",", ""); err=$4+$6+$8+$10 }
    /^ +50%/ { p50=ms($2) } /^ +99%/ { p99=ms($2) }
    END { printf "%d %d %d %.1f %.1f\n", req, bad, err, p50, p99 }' "$OUT/wrk-$2.txt"
}

echo baseline > "$OUT/phase"
read -r B_REQ B_BAD B_ERR B_P50 B_P99 <<<"$(load "$SOAK_BASE_SECONDS" baseline)"
echo abuse > "$OUT/phase"
python3 bench/soak/abuse.py --port "$SOAK_PORT" --seconds "$SOAK_SECONDS" --article "$OUT/article.txt" > "$OUT/abuse.json" &
ABUSE=$!
read -r A_REQ A_BAD A_ERR A_P50 A_P99 <<<"$(load "$SOAK_SECONDS" abuse)"
wait $ABUSE || true
# Let the server close what the abusers left (their sockets are gone; slow heads time out within 10 s).
echo settle > "$OUT/phase"
sleep 15
END_RSS=$(rss_kb); END_FDS=$(fds)
ALIVE=$(curl -fs "http://127.0.0.1:$SOAK_PORT/healthz" >/dev/null && echo yes || echo no)
kill $SAMPLER 2>/dev/null || true; SAMPLER=

{
  echo "## Soak: ${SOAK_SECONDS}s of abuse after ${SOAK_BASE_SECONDS}s alone, $SOAK_CONNECTIONS wrk connections ($(date -u +%FT%TZ))"
  echo
  echo "| phase | requests | non-2xx | socket errors | p50 ms | p99 ms |"
  echo "|---|---:|---:|---:|---:|---:|"
  echo "| without abuse (${SOAK_BASE_SECONDS}s) | $B_REQ | $B_BAD | $B_ERR | $B_P50 | $B_P99 |"
  echo "| with abuse (${SOAK_SECONDS}s) | $A_REQ | $A_BAD | $A_ERR | $A_P50 | $A_P99 |"
  echo
  printf '| | start | end |\n|---|---:|---:|\n'
  printf '| RSS MiB | %.1f | %.1f |\n' "$(echo "$START_RSS / 1024" | bc -l)" "$(echo "$END_RSS / 1024" | bc -l)"
  echo "| open fds | $START_FDS | $END_FDS |"
  echo
  echo "Server alive at the end: $ALIVE. Misbehaving clients (attempts / expected outcome):"
  python3 bench/soak/abuse.py --summarize "$OUT/abuse.json"
  echo
  echo "RSS over time (every ~$(( (SOAK_BASE_SECONDS + SOAK_SECONDS) / 12 ))s from $OUT/rss.tsv):"
  echo
  awk -F'\t' -v step=$(( (SOAK_BASE_SECONDS + SOAK_SECONDS) / 12 / SOAK_SAMPLE + 1 )) '
    NR == 1 { print "| s | phase | RSS MiB | fds | threads |"; print "|---:|---|---:|---:|---:|"; next }
    (NR - 2) % step == 0 { print "| " $1 " | " $2 " | " $3 " | " $4 " | " $5 " |" }' "$OUT/rss.tsv"
} | tee "$OUT/summary.md"
[ "$ALIVE" = yes ] && [ "$B_BAD" = 0 ] && [ "$A_BAD" = 0 ] && [ "$B_ERR" = 0 ] && [ "$A_ERR" = 0 ]
