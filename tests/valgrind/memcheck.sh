#!/usr/bin/env bash
# End-to-end runs under valgrind's memcheck: every sample as text, a JSON
# Lines file with good and bad lines, N-Quads output, --explain and the rule
# checker. Each must finish with no memcheck error and no definite leak
# (RE2's deliberate reads of uninitialized sparse-set memory are suppressed
# by re2.supp). When the program is linked with tcmalloc, memcheck is told
# that tcmalloc's malloc is the one to replace, so leaks and bad frees are
# still found; mismatched new/delete pairs are not looked for then
# (tcmalloc's operators share one allocator, which memcheck misreads; the
# AddressSanitizer build checks them). Skipped (77) without valgrind unless NEWSGRAPH_REQUIRE_VALGRIND=1.
# usage: memcheck.sh NEWSGRAPH SOURCE_DIR
set -u
bin=$1 src=$2
. "$(dirname "$0")/../checks.sh"
command -v valgrind >/dev/null || skip "valgrind is not installed (apt-get install valgrind)" NEWSGRAPH_REQUIRE_VALGRIND
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
vg=(valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite
    --suppressions="$src/tests/valgrind/re2.supp"
    --suppressions="$src/tests/valgrind/tcmalloc.supp" --soname-synonyms='somalloc=*tcmalloc*'
    --show-mismatched-frees=no)

# check NAME WANT_CODE ARGS...: runs newsgraph under memcheck.
check() {
  local name=$1 want=$2; shift 2
  "${vg[@]}" "$bin" "$@" > "$tmp/out" 2> "$tmp/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then
    ok "$name"
  else
    bad "$name: exit $got, expected $want (99: a memcheck error)"
    grep -m 40 '^==' "$tmp/err"
  fi
}

python3 - "$src" > "$tmp/in.jsonl" <<'PY'
import glob, json, os, sys
for p in sorted(glob.glob(os.path.join(sys.argv[1], "samples", "*.txt"))):
    print(json.dumps({"id": os.path.basename(p), "text": open(p, encoding="utf-8").read()}))
print('{"id": "broken", "text": "no closing quote')
print('{"id": "nul", "text": "a\\u0000b"}')
print('[' * 10000)
PY

check "samples as text files" 0 -q "$src"/samples/*.txt
check "JSON Lines with malformed lines (exit 1, nothing lost)" 1 -q -j 2 "$tmp/in.jsonl"
check "N-Quads output" 0 -q -f nquads "$src"/samples/*.txt
check "HTML review page" 0 -q -f html "$src"/samples/*.txt
check "DOT graph" 0 -q -f dot "$src"/samples/*.txt
check "--explain" 0 -q --explain "$src/samples/appointment.txt"
check "rules check on broken rules (exit 3)" 3 rules check "$src/tests/cli/broken-rules"
printf 'Anna \xc0\xaf Lee\n' > "$tmp/bad.txt"
check "invalid UTF-8 (exit 1)" 1 -q "$tmp/bad.txt"

finish
