#!/usr/bin/env bash
# Bulk loading into Apache Jena TDB2, as the README's "Load into a graph
# database" says: one .nq file per article with --output, concatenated and
# loaded with tdb2.tdbloader (through tests/store/jena.sh), then queried with
# tdb2.tdbquery: the store holds exactly the output's statements, the
# README's three queries answer, and the contract's queries give the rows the
# reference JSON-LD processor reads from the same output.
# usage: jena_load.sh NEWSGRAPH SOURCE_DIR WORK_DIR
# Skipped (77) without java or Debian's libapache-jena-java, unless
# NEWSGRAPH_REQUIRE_STORE=1 (as in CI), where that is a failure.
set -u
bin=$1 src=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work"; mkdir -p "$work"
. "$(dirname "$0")/../checks.sh"
export XDG_CACHE_HOME="$work/cache"
jena() { "$here/jena.sh" "$@"; }
query() {  # QUERY-TEXT -> sorted TSV rows
  jena tdb2.tdbquery --loc "$work/tdb2" --results=json "$1" 2>> "$work/query.err" | python3 "$here/json_rows.py"
}

# The README's commands.
"$bin" -q -f nquads --output "$work/graph" "$src/samples"
cat "$work"/graph/*.nq > "$work/all.nq"
jena tdb2.tdbloader --loc "$work/tdb2" "$work/all.nq" > "$work/load.log" 2>&1
code=$?
if [ "$code" -eq 77 ]; then
  cat "$work/load.log"
  [ "${NEWSGRAPH_REQUIRE_STORE:-0}" = 1 ] && exit 1
  exit 77
fi
[ "$code" -eq 0 ] && ok "tdb2.tdbloader loads the concatenated .nq files" || { bad "tdbloader failed" "$work/load.log"; exit 1; }

quads=$(sort -u "$work/all.nq" | grep -c .)
n=$(query 'SELECT (COUNT(*) AS ?n) WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } }')
[ "$n" = "$quads" ] && ok "the store holds exactly the output's $quads statements" || bad "store holds $n, the output has $quads"

# The README's three queries, taken from the README itself.
python3 - "$src/README.md" "$work" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
block = re.search(r"Three queries to run first.*?```sparql\n(.*?)```", text, re.S).group(1)
for i, q in enumerate(block.strip().split("\n\n")):
    open(f"{sys.argv[2]}/readme-{i}.rq", "w").write(q + "\n")
PY
for i in 0 1 2; do query "$(cat "$work/readme-$i.rq")" > "$work/readme-$i.tsv"; done
grep -qP '^Carla Mendes\tChief Financial Officer\tJuniper Foods Inc\.\tappointed' "$work/readme-0.tsv" &&
  ok "README query 1 (who holds which role where) answers" || bad "README query 1" "$work/readme-0.tsv"
grep -qP '^Lotus Pay\tLotus Services\tmerger\t' "$work/readme-1.tsv" &&
  ok "README query 2 (what merged into what) answers" || bad "README query 2" "$work/readme-1.tsv"
grep -qP '\t3100000000\tCNY\tlevel$' "$work/readme-2.tsv" &&
  ok "README query 3 (a metric over time) answers" || bad "README query 3" "$work/readme-2.tsv"

# The contract's queries, row for row against the reference processor.
js="${NEWSGRAPH_JS_DIR:-}"
if [ -n "$js" ] && [ -d "$js/node_modules/jsonld" ]; then
  "$bin" -q "$src/samples" > "$work/samples.jsonl"
  node "$js/rdfcheck.mjs" --contract "$src/tests/contract" --rows "$work/samples.jsonl" > "$work/rows.txt" 2>/dev/null
  for q in memberships changes observations; do
    query "$(cat "$src/tests/contract/queries/$q.rq")" > "$work/$q.tsv"
    if python3 "$here/same_rows.py" "$src/tests/contract/queries/$q.rq" "$work/$q.tsv" "$work/rows.txt" "$q"
    then ok "the $q query gives the same rows from TDB2 as from the output"
    else bad "$q rows differ between TDB2 and the output" "$work/$q.tsv"; fi
  done
else
  echo "note: the row-by-row comparison needs the npm packages (NEWSGRAPH_JS_DIR)"
fi

finish
