#!/usr/bin/env bash
# End-to-end throughput: builds a corpus of at least SIZE_MB (default 100) MB
# as JSON Lines from samples/ and, when present, ../shared/corpus, then runs
# newsgraph over it with --jobs 1 and with every core, and prints MB/s,
# documents/s and peak RSS (from /usr/bin/time -v), plus the start-up time
# for one small article, ASCII and with curly quotes (best of 20).
# usage: tests/bench/throughput.sh [NEWSGRAPH] [SIZE_MB]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$here/build/newsgraph}
size_mb=${2:-100}
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$here/tests/bench/make_corpus.py" "$work/corpus.jsonl" "$size_mb" --whole-rounds
bytes=$(stat -c %s "$work/corpus.jsonl")
docs=$(wc -l < "$work/corpus.jsonl")
printf 'corpus: %d documents, %.1f MB of JSON Lines\n' "$docs" "$(echo "$bytes / 1000000" | bc -l)"

cores=$(nproc)
printf '%-10s %10s %12s %12s %12s\n' jobs seconds MB/s docs/s "peak RSS MB"
for jobs in 1 "$cores"; do
  /usr/bin/time -v "$bin" -q --jobs "$jobs" "$work/corpus.jsonl" > /dev/null 2> "$work/time.txt"
  secs=$(grep 'Elapsed (wall clock)' "$work/time.txt" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep 'Maximum resident set size' "$work/time.txt" | awk '{print $NF}')
  printf '%-10s %10.2f %12.2f %12.0f %12.1f\n' "$jobs" "$secs" \
    "$(echo "$bytes / 1000000 / $secs" | bc -l)" "$(echo "$docs / $secs" | bc -l)" \
    "$(echo "$rss / 1024" | bc -l)"
done

# Start-up: one small article, best of 20 runs; as written (ASCII) and
# with a quotation in curly quotes, as most news has: the first non-ASCII
# token compiles the token regexes' Unicode pieces.
{ printf 'She said: \xe2\x80\x9cWe are ready.\xe2\x80\x9d\n'; cat "$here/samples/appointment.txt"; } \
  > "$work/quoted.txt"
best_of_20() {
  local best=999 s e t
  for i in $(seq 1 20); do
    s=$(date +%s.%N)
    "$bin" -q "$1" > /dev/null
    e=$(date +%s.%N)
    t=$(echo "($e - $s) * 1000" | bc -l)
    best=$(echo "if ($t < $best) $t else $best" | bc -l)
  done
  echo "$best"
}
printf 'start-up, one small article: %.1f ms, with curly quotes %.1f ms (best of 20)\n' \
  "$(best_of_20 "$here/samples/appointment.txt")" "$(best_of_20 "$work/quoted.txt")"
