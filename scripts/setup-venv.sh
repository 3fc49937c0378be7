#!/usr/bin/env bash
# Create (or reuse) the repo's .venv and install requirement files into it.
#
#   scripts/setup-venv.sh scripts/requirements-test.txt [scripts/requirements-bench.txt ...]
#   scripts/setup-venv.sh --force scripts/requirements-bench.txt   # reinstall even if unchanged
#
# Idempotent: an existing working .venv is reused; a requirements file whose
# content was already installed (stamp in .venv/) is skipped. PYTHON selects
# the interpreter used to create the venv (default python3).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="${PYTHON:-python3}"
FORCE=0

usage() { echo "usage: $0 [--force] REQUIREMENTS.txt [REQUIREMENTS.txt ...]" >&2; exit 2; }

files=()
for a in "$@"; do
  case "$a" in
    --force) FORCE=1 ;;
    -h|--help) usage ;;
    *) files+=("$a") ;;
  esac
done
[ "${#files[@]}" -gt 0 ] || usage

# Resolve requirement paths before changing directory.
reqs=()
for f in "${files[@]}"; do
  if [ -f "$f" ]; then reqs+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")")
  elif [ -f "$ROOT/$f" ]; then reqs+=("$ROOT/$f")
  else echo "setup-venv: no such requirements file: $f" >&2; exit 1
  fi
done

# A venv whose interpreter no longer runs (e.g. moved, python removed) is rebuilt.
if [ -d "$VENV" ] && ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
  echo "setup-venv: $VENV is broken, recreating" >&2
  rm -rf "$VENV"
fi
if [ ! -x "$VENV/bin/python" ]; then
  echo "setup-venv: creating $VENV with $("$PY" --version 2>&1)" >&2
  "$PY" -m venv "$VENV"
fi

export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
for r in "${reqs[@]}"; do
  stamp="$VENV/.installed-$(basename "$r").sha256"
  sum="$(sha256sum "$r" | cut -d' ' -f1)"
  if [ "$FORCE" = 0 ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
    echo "setup-venv: $(basename "$r") already installed" >&2
    continue
  fi
  echo "setup-venv: installing $(basename "$r")" >&2
  "$VENV/bin/python" -m pip install -q -r "$r"
  echo "$sum" > "$stamp"
done
"$VENV/bin/python" -m pip check >&2 || echo "setup-venv: warning: pip check reported conflicts" >&2
echo "setup-venv: ready: $VENV/bin/python" >&2
