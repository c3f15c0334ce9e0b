#!/usr/bin/env bash
# Scores newsgraph on the Reuters development set (60 articles annotated in
# tests/eval/reuters-dev.gold.json) when ../shared/corpus is present.
# usage: tests/eval/reuters.sh [NEWSGRAPH] [--json]
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$here/build/newsgraph}
shift || true
corpus="$here/../shared/corpus/reuters-dev/articles.jsonl"
if [ ! -f "$corpus" ]; then
  echo "SKIPPED: $corpus not found (the Reuters development corpus lives in ../shared)"
  exit 0
fi
exec "$bin" eval --gold "$here/tests/eval/reuters-dev.gold.json" "$@" "$corpus"
