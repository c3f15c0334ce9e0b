# Shared by the shell tests: counters, one line per check, the summary and
# exit status, and the skip convention (exit 77, ctest's "skipped", unless
# the environment variable that CI sets makes a missing tool a failure).
#   . "$(dirname "$0")/../checks.sh"
#   ok "what held"; bad "what failed" [FILE whose start shows why]; finish
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; if [ -n "${2:-}" ]; then head -c 800 "$2"; echo; fi; }
finish() { echo "$pass passed, $fail failed"; [ "$fail" -eq 0 ]; }
# skip MESSAGE REQUIRE_VARIABLE
skip() {
  echo "SKIPPED: $1"
  [ "${!2:-0}" = 1 ] && exit 1
  exit 77
}
