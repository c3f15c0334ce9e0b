#!/usr/bin/env bash
# --format dot renders with Graphviz: the contract example, every sample, a
# batch of them in one graph, and an article whose names hold quotes, braces,
# bars, angle brackets and backslashes. Each must pass `dot -Tsvg` and the
# drawing must carry the names.
# Usage: dot.sh NEWSGRAPH SOURCE_DIR
# Exits 77 (skipped) when Graphviz is missing, unless NEWSGRAPH_REQUIRE_VIEW=1
# (as in CI), where that is a failure.
set -u
bin=$1 src=$2
. "$(dirname "$0")/../checks.sh"
command -v dot >/dev/null || skip "no Graphviz dot (apt-get install graphviz)" NEWSGRAPH_REQUIRE_VIEW
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# render NAME EXPECTED-TEXT... -- NEWSGRAPH-ARGS...
render() {
  local name=$1; shift
  local want=()
  while [ "$1" != "--" ]; do want+=("$1"); shift; done
  shift
  if ! "$bin" -q -f dot "$@" > "$tmp/g.dot" 2> "$tmp/err"; then bad "$name: newsgraph failed" "$tmp/err"; return; fi
  if ! dot -Tsvg "$tmp/g.dot" > "$tmp/g.svg" 2> "$tmp/err" || [ -s "$tmp/err" ]; then
    bad "$name: dot -Tsvg rejected it" "$tmp/err"; return
  fi
  for w in "${want[@]}"; do
    grep -qF -- "$w" "$tmp/g.svg" || { bad "$name: no '$w' in the drawing" "$tmp/g.dot"; return; }
  done
  ok "$name: dot -Tsvg draws it ($(grep -c '<g id="node' "$tmp/g.svg") nodes, $(grep -c '<g id="edge' "$tmp/g.svg") edges)"
}

render "contract example" "Maria Chen" "Northwind Holdings Ltd." "Chief Executive Officer (appointed)" \
  "merges into (merger)" "4,200,000,000 CNY" -- "$src/tests/contract/example-article.txt"
for f in "$src"/samples/*.txt; do render "sample $(basename "$f")" -- "$f"; done
render "all samples in one graph" -- "$src"/samples/*.txt

printf '%s\n' "O'Brien & Sons named Laura Stein president. O'Brien's revenue rose 5% to \$3 million." \
  'Granite Peak Holdings agreed to acquire Silverline {Software}.' > "$tmp/odd.txt"
render "names and a headline with quotes, braces, brackets, backslashes" "Laura Stein" "O&#39;Brien" \
  "+5%" "{headline} \\ with &lt;markup&gt;" -- --headline 'A "quoted" {headline} \ with <markup>' "$tmp/odd.txt"

finish
