#!/usr/bin/env bash
# API conformance test (`make test-api`): run schemathesis against a `lede serve` started on a free
# loopback port, and fail on any 5xx or any response that does not conform to docs/openapi.yaml
# (body schema, status code, content type). Exits with schemathesis's status.
#
#   scripts/test-api.sh                       # defaults below
#   LEDE_BIN=.build/debug/lede scripts/test-api.sh
#   TEST_API_MAX_EXAMPLES=100 TEST_API_SEED=7 scripts/test-api.sh -v   # extra args go to `schemathesis run`
#
# What it runs against:
#   * the OpenAPI document is docs/openapi.yaml, bundled first (scripts/validate-docs.py --bundle, which
#     also validates the docs) into bench/out/openapi.json, so the schema file it $refs is inlined;
#   * the server is $LEDE_BIN (default .build/release/lede, else .build/debug/lede) on 127.0.0.1, a free
#     port, access log off, fetch time-outs short.
#
# No traffic leaves loopback: every `url` in a request body is rewritten to http://127.0.0.1:9/... by
# scripts/schemathesis_hooks.py (a `before_call` hook, so it covers the examples, coverage and fuzzing
# phases alike) — an IP literal needs no DNS lookup and the SSRF guard refuses it (422 fetch_blocked).
#
# Bounded: TEST_API_MAX_EXAMPLES (30) cases per operation and phase, --request-timeout 20 s per request,
# the whole run under TEST_API_TIME_LIMIT (600 s; `timeout` stops it, exit 124). Deterministic: seeded
# (TEST_API_SEED, default 20250623) and with no example database. Hypothesis' per-example deadline is
# already off in schemathesis 4 (it has no --hypothesis-deadline option), so slow extractions are not
# flaky failures; --request-timeout bounds them instead.
#
# Output: the console report, a JUnit file and the server's log in bench/out/test-api/; schemathesis's crash
# cache goes to bench/out/test-api/cache (scripts/schemathesis.toml), not the work tree. To replay a failure:
#   TEST_API_CACHE=bench/out/test-api/cache .venv/bin/schemathesis --config-file scripts/schemathesis.toml replay ID
# (against a server on the same port), or run the `curl` line schemathesis prints.
#
# Needs: scripts/setup-venv.sh scripts/requirements-ops.txt (schemathesis) and requirements-test.txt
# (validate-docs.py's packages); `make test-api` installs both.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PY="$ROOT/.venv/bin/python"
ST="$ROOT/.venv/bin/schemathesis"
SEED="${TEST_API_SEED:-20250623}"
MAX_EXAMPLES="${TEST_API_MAX_EXAMPLES:-30}"
TIME_LIMIT="${TEST_API_TIME_LIMIT:-600}"
OUT="$ROOT/bench/out"
SPEC="$OUT/openapi.json"
REPORTS="$OUT/test-api"

if [ -z "${LEDE_BIN:-}" ]; then
  for candidate in .build/release/lede .build/debug/lede; do
    if [ -x "$candidate" ] && "$candidate" --version >/dev/null 2>&1; then LEDE_BIN="$candidate"; break; fi
  done
fi
[ -n "${LEDE_BIN:-}" ] && [ -x "$LEDE_BIN" ] || { echo "test-api: no lede binary (make build, or set LEDE_BIN)" >&2; exit 2; }
[ -x "$ST" ] || { echo "test-api: schemathesis missing: scripts/setup-venv.sh scripts/requirements-ops.txt" >&2; exit 2; }

mkdir -p "$OUT" "$REPORTS"
"$PY" scripts/validate-docs.py --bundle "$SPEC" >&2

PORT="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
LOG="$REPORTS/server.log"

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT
trap 'exit 130' INT TERM

# Loopback only, no access log, short fetch time-outs (nothing should be fetched anyway: see the hooks),
# short drain so the stop is quick; the rest comes from config/lede.json (read from the repo root, as
# `make serve` does). The long LEDE_SERVER_* forms are set too since they win over LEDE_HOST/LEDE_PORT.
LEDE_HOST=127.0.0.1 LEDE_PORT="$PORT" LEDE_SERVER_HOST=127.0.0.1 LEDE_SERVER_PORT="$PORT" \
LEDE_LOGGING_ACCESS_LOG=false LEDE_LOGGING_LEVEL=warning \
LEDE_FETCH_CONNECT_TIMEOUT_MS=1000 LEDE_FETCH_TIMEOUT_MS=2000 LEDE_SERVER_DRAIN_TIMEOUT_MS=2000 \
  "$LEDE_BIN" serve >"$LOG" 2>&1 &
SERVER_PID=$!

ready=0
for _ in $(seq 1 300); do  # up to 30 s for the models to load
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
  if "$LEDE_BIN" healthcheck --host 127.0.0.1 --port "$PORT" --timeout 1 >/dev/null 2>&1; then ready=1; break; fi
  sleep 0.1
done
if [ "$ready" != 1 ]; then
  echo "test-api: lede serve did not answer /healthz on 127.0.0.1:$PORT; its log:" >&2
  cat "$LOG" >&2
  exit 2
fi
echo "test-api: $LEDE_BIN serving on 127.0.0.1:$PORT; schemathesis $("$ST" --version | awk '{print $NF}'), seed $SEED, $MAX_EXAMPLES examples per operation" >&2

status=0
TEST_API_CACHE="$REPORTS/cache" SCHEMATHESIS_HOOKS="$ROOT/scripts/schemathesis_hooks.py" \
timeout --signal=INT --kill-after=30 "$TIME_LIMIT" \
  "$ST" --config-file "$ROOT/scripts/schemathesis.toml" run "$SPEC" \
    --url "http://127.0.0.1:$PORT" \
    --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
    --phases examples,coverage,fuzzing \
    --mode all \
    --max-examples "$MAX_EXAMPLES" \
    --seed "$SEED" \
    --generation-database none \
    --request-timeout 20 \
    --workers 1 \
    --no-color \
    --report junit --report-dir "$REPORTS" \
    "$@" || status=$?

stop_server
if [ -s "$LOG" ]; then
  echo "test-api: server log ($LOG):" >&2
  tail -n 40 "$LOG" >&2
fi
exit "$status"
