#!/usr/bin/env bash
# Score the extraction stage on gold-dev (tuning set) and gold-val (measure only, never tune on it).
# Usage (from the repo root): benchmarks/eval_indicators.sh [--show N]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
SHARED=../shared
for set in gold-dev gold-val; do
  if [ -d "$SHARED/$set/texts" ]; then
    echo "== $set"
    "$PY" "$SHARED/eval/score_indicators.py" --gold "$SHARED/$set" \
      --cmd "$PY -m pipeline extract --format jsonl" --show "${2:-0}"
  else
    echo "skip: $SHARED/$set not found"
  fi
done
