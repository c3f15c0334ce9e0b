#!/usr/bin/env bash
# Golden test: runs newsgraph on every samples/*.txt and compares the output
# with tests/golden/samples/<name>.jsonld (pretty-printed so that a change is a
# readable diff). NEWSGRAPH_UPDATE_GOLDEN=1 rewrites the expected files; read
# the diff before committing them.
# usage: golden.sh NEWSGRAPH SAMPLES_DIR GOLDEN_DIR
set -u
bin=$1 samples=$2 golden=$3
pass=0 fail=0
for input in "$samples"/*.txt; do
  name=$(basename "$input" .txt)
  expected="$golden/$name.jsonld"
  actual=$("$bin" --pretty "$input" 2>/dev/null)
  if [ "${NEWSGRAPH_UPDATE_GOLDEN:-0}" = 1 ]; then
    printf '%s\n' "$actual" > "$expected"
    echo "updated $expected"
    pass=$((pass + 1))
    continue
  fi
  if [ ! -f "$expected" ]; then
    echo "FAIL $name: no expected file $expected (run with NEWSGRAPH_UPDATE_GOLDEN=1 and review it)"
    fail=$((fail + 1))
  elif diff -u "$expected" <(printf '%s\n' "$actual") > /tmp/golden.$$.diff; then
    echo "ok   $name"
    pass=$((pass + 1))
  else
    echo "FAIL $name: output differs from $expected:"
    head -n 60 /tmp/golden.$$.diff
    fail=$((fail + 1))
  fi
done
rm -f /tmp/golden.$$.diff
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
