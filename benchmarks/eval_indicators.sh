#!/usr/bin/env bash
# Score the extraction stage on gold-dev (tuning set) and gold-val (measure only, never tune on it).
# Usage (from the repo root): benchmarks/eval_indicators.sh [--show N]
# --show N lists misses and false positives for gold-dev only; gold-val always prints figures only
# (its texts and labels are not to be read while tuning).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
SHARED=../shared
for set in gold-dev gold-val; do
  if [ -d "$SHARED/$set/texts" ]; then
    echo "== $set"
    show=0
    [ "$set" = gold-dev ] && show="${2:-0}"
    "$PY" "$SHARED/eval/score_indicators.py" --gold "$SHARED/$set" \
      --cmd "$PY -m pipeline extract --format jsonl" --show "$show"
  else
    echo "skip: $SHARED/$set not found"
  fi
done
