#!/usr/bin/env bash
# Instructions per stage, counted by callgrind: the same count from run to
# run of one binary, where timed runs on a shared or virtual machine drift
# by up to 2.5 times. Builds a corpus of SIZE_MB (default 1) of JSON Lines from
# samples/ and, when present, ../shared/corpus (make_corpus.py), runs
# steady_bench over it twice and counts the second pass only (warm caches,
# no start-up), then prints the instructions in all, per byte of text, and
# under each stage.
# Under valgrind, SHA-256 runs its portable code (valgrind hides the CPU's
# SHA extensions), so the graph stage counts more than it costs natively.
# usage: tests/bench/instructions.sh [BUILD_DIR] [SIZE_MB]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
size_mb=${2:-1}
bench=$build/tests/steady_bench
[ -x "$bench" ] || { echo "no $bench (built with the tests when valgrind/callgrind.h is found)"; exit 2; }
command -v valgrind >/dev/null || { echo "needs valgrind"; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$here/tests/bench/make_corpus.py" "$work/corpus.jsonl" "$size_mb"

valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file="$work/cg.out" \
  "$bench" "$work/corpus.jsonl" > "$work/bench.txt" 2> "$work/valgrind.txt"
sed -E 's/; last pass.*//' "$work/bench.txt"
callgrind_annotate --inclusive=yes --auto=no "$work/cg.out" > "$work/annotate.txt" 2>/dev/null
total=$(grep -m1 'PROGRAM TOTALS' "$work/annotate.txt" | awk '{gsub(",","",$1); print $1}')
text=$(sed -E 's/.*documents, ([0-9.]+) MB of text.*/\1/' "$work/bench.txt")
printf '%-14s %14s %8s\n' stage instructions share
printf '%-14s %13.1fM %8s\n' all "$(echo "$total / 1000000" | bc -l)" 100%
stage() {  # name, function pattern
  local n
  n=$(grep -E "$2" "$work/annotate.txt" | grep -E '^ *[0-9,]+ +\( *[0-9.]+%\) +/' | head -1 |
      awk '{gsub(",","",$1); print $1}')
  [ -n "$n" ] && printf '%-14s %13.1fM %7.1f%%\n' "$1" "$(echo "$n / 1000000" | bc -l)" \
    "$(echo "100 * $n / $total" | bc -l)"
  return 0
}
stage segment 'Segmenter::Segment\('
stage annotate 'Annotator::Annotate\('
stage relate 'Relator::Relate\('
stage resolve 'Resolver::Resolve\('
stage graph 'GraphBuilder::Build\('
stage jsonld 'JsonLdWriter::Write'
stage '(rule match)' 'RuleSet::Match\('
stage '(sha-256)' 'Sha256Hex'
printf 'instructions per byte of text: %.0f\n' "$(echo "$total / ($text * 1000000)" | bc -l)"
