#!/usr/bin/env bash
# Against a real SPARQL store (Virtuoso, started on loopback by virtuoso.sh):
# push the samples, read the contract's queries back, push again without
# duplicates, use SPARQL Update, and lose nothing when the store goes down in
# the middle of a batch.
# usage: store.sh NEWSGRAPH SOURCE_DIR WORK_DIR
set -u
bin=$1 src=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work"; mkdir -p "$work"
. "$(dirname "$0")/../checks.sh"

"$here/virtuoso.sh" start "$work/vt" > "$work/start.log" 2>&1
code=$?
if [ "$code" -eq 77 ]; then cat "$work/start.log"; exit 77; fi
[ "$code" -eq 0 ] || { echo "FAIL the store did not start"; cat "$work/start.log"; exit 1; }
trap '"$here/virtuoso.sh" stop "$work/vt" >/dev/null 2>&1' EXIT
url=$(cat "$work/vt/url")
gsp="$url/sparql-graph-crud"

count_query() {  # the statements in newsgraph's document graphs
  cat > "$work/count.rq" <<'Q'
SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o }
  FILTER(STRSTARTS(STR(?g), "https://w3id.org/newsgraph/id/doc/")) }
Q
  "$here/query.sh" "$url" "" "$work/count.rq"
}
expected=$("$bin" -q -f ntriples "$src/samples" | wc -l)

# Push over the Graph Store protocol and read back.
"$bin" -q --push "$gsp" "$src/samples" > "$work/out" 2> "$work/err"
[ $? -eq 0 ] && ok "push of the samples exits 0" || bad "push exit" "$work/err"
[ ! -s "$work/out" ] && ok "push writes nothing to stdout" || bad "push wrote to stdout"
n=$(count_query)
[ "$n" = "$expected" ] && ok "the store holds exactly the statements of the output ($n)" || bad "store count $n, expected $expected"
"$here/query.sh" "$url" "" "$src/tests/contract/queries/memberships.rq" > "$work/m.tsv"
grep -qP "Lukas Meier\tChief Executive Officer\tHelvetia Rail\tappointed\t2024-06-11" "$work/m.tsv" \
  && ok "the memberships query reads a membership back" || bad "memberships query" "$work/m.tsv"
"$here/query.sh" "$url" "" "$src/tests/contract/queries/changes.rq" > "$work/c.tsv"
grep -qP "Lotus Pay\tLotus Services\tmerger" "$work/c.tsv" && ok "the changes query reads a change back" || bad "changes query" "$work/c.tsv"
"$here/query.sh" "$url" "" "$src/tests/contract/queries/observations.rq" > "$work/o.tsv"
grep -qP "Orchid Retail Ltd.\trevenue\tlevel\t3100000000" "$work/o.tsv" && ok "the observations query reads a figure back" || bad "observations query" "$work/o.tsv"

# Every row of the contract's three queries, read from the store, equals the
# rows the reference JSON-LD processor reads from the same output.
js="${NEWSGRAPH_JS_DIR:-}"
if [ -n "$js" ] && [ -d "$js/node_modules/jsonld" ]; then
  "$bin" -q "$src/samples" > "$work/samples.jsonl"
  node "$js/rdfcheck.mjs" --contract "$src/tests/contract" --rows "$work/samples.jsonl" > "$work/rows.txt" 2>/dev/null
  for q in memberships changes observations; do
    "$here/query.sh" "$url" "" "$src/tests/contract/queries/$q.rq" > "$work/$q.tsv"
    if python3 "$here/same_rows.py" "$src/tests/contract/queries/$q.rq" "$work/$q.tsv" "$work/rows.txt" "$q"
    then ok "the $q query gives the same rows from the store as from the output"
    else bad "$q rows differ between the store and the output" "$work/$q.tsv"; fi
  done
else
  echo "note: the row-by-row comparison needs the npm packages (NEWSGRAPH_JS_DIR)"
fi

# Pushing again replaces: nothing is duplicated.
"$bin" -q --push "$gsp" "$src/samples" 2> "$work/err"
n=$(count_query)
[ "$n" = "$expected" ] && ok "pushing again duplicates nothing ($n)" || bad "after a second push: $n, expected $expected"

# SPARQL Update: drop and insert, in small chunks.
"$bin" -q --push "$url/sparql" --push-protocol update --push-batch 7 "$src/samples" 2> "$work/err"
[ $? -eq 0 ] && ok "push over SPARQL Update exits 0" || bad "update push" "$work/err"
n=$(count_query)
[ "$n" = "$expected" ] && ok "SPARQL Update replaces the graphs too ($n)" || bad "after update push: $n"

# SPARQL Update with several documents per batch.
"$bin" -q --push "$url/sparql" --push-protocol update --push-documents 4 --push-batch 50 "$src/samples" 2> "$work/err"
[ $? -eq 0 ] && [ "$(count_query)" = "$expected" ] && ok "batches of 4 documents per update give the same graphs" || bad "batched update push" "$work/err"

# Credentials from the environment, never printed; without them, refused.
NEWSGRAPH_PUSH_USER=dba NEWSGRAPH_PUSH_PASSWORD=dba "$bin" --push "$url/sparql-graph-crud-auth" \
  "$src/samples/results.txt" > "$work/out" 2> "$work/err"
code=$?
[ "$code" -eq 0 ] && ! grep -q "dba" "$work/err" "$work/out" && ok "credentials from the environment work and are not printed" \
  || bad "authenticated push (exit $code)" "$work/err"
"$bin" -q --push "$url/sparql-graph-crud-auth" --push-retries 0 "$src/samples/results.txt" > /dev/null 2> "$work/err"
[ $? -eq 4 ] && grep -q "HTTP 401" "$work/err" && ok "without credentials the store refuses (401, exit 4)" || bad "unauthenticated push" "$work/err"

# A wrong endpoint: reported, exit 4, listed in --errors.
"$bin" -q --push "$url/no-such-endpoint" --push-retries 0 --errors "$work/e.jsonl" "$src/samples/results.txt" > /dev/null 2> "$work/err"
code=$?
[ "$code" -eq 4 ] && grep -q "push failed: HTTP" "$work/err" && grep -q '"push failed' "$work/e.jsonl" \
  && ok "a failed push exits 4, is reported and listed in --errors" || bad "failed push (exit $code)" "$work/err"

# The store goes down in the middle of a batch; a re-run completes the load.
# The articles come as JSON Lines on stdin, and the last 200 only once the
# store is down, so that the stop falls within the run however fast it is.
big="$work/big.jsonl"
python3 - "$src/samples/appointment.txt" > "$big" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
for i in range(1, 301):
    print(json.dumps({"id": f"big-{i}", "text": f"{text}\nNote {i}.\n"}))
PY
"$bin" -q -f ntriples "$big" | wc -l > "$work/big.expected"
{ head -n 100 "$big"; while [ ! -e "$work/stopped" ]; do sleep 0.1; done; tail -n +101 "$big"; } |
  "$bin" -q -j 1 --input jsonl --push "$gsp" --push-retries 1 --push-timeout 5 --errors "$work/down.jsonl" - \
  > /dev/null 2> "$work/down.err" &
pid=$!
sleep 1
"$here/virtuoso.sh" stop "$work/vt" > /dev/null 2>&1
touch "$work/stopped"
wait $pid
code=$?
failed=$(wc -l < "$work/down.jsonl")
[ "$code" -eq 4 ] && [ "$failed" -ge 200 ] && ok "documents pushed while the store was down are reported ($failed, exit 4)" \
  || bad "store down mid-batch: exit $code, $failed listed" "$work/down.err"
"$here/virtuoso.sh" start "$work/vt" > "$work/start2.log" 2>&1 || bad "restart" "$work/start2.log"
url=$(cat "$work/vt/url"); gsp="$url/sparql-graph-crud"
"$bin" -q -j 2 --push "$gsp" "$big" 2> "$work/err"
[ $? -eq 0 ] && ok "the re-run pushes everything" || bad "re-run" "$work/err"
want=$(( $(cat "$work/big.expected") + expected ))
n=$(count_query)
[ "$n" = "$want" ] && ok "after the re-run the store is complete ($n)" || bad "after re-run: $n, expected $want"


# Bulk loading as the README says: one .nq file per article, then ld_dir and
# rdf_loader_run through isql-vt (the folder is in DirsAllowed). Another
# --base keeps these graphs apart from the pushed ones.
bulk="$work/vt/bulk"
"$bin" -q -f nquads --base https://example.org/bulk/ --output "$bulk" "$src/samples"
bulk_expected=$("$bin" -q -f nquads --base https://example.org/bulk/ "$src/samples" |
  grep -c ' <https://example.org/bulk/doc/[^>]*> \.$')
printf "ld_dir('%s', '*.nq', 'urn:newsgraph:default');\nrdf_loader_run();\ncheckpoint;\n" "$bulk" |
  isql-vt "$(cat "$work/vt/sql")" dba dba > "$work/bulk.log" 2>&1
cat > "$work/bulk.rq" <<'Q'
SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o }
  FILTER(STRSTARTS(STR(?g), "https://example.org/bulk/doc/")) }
Q
n=$("$here/query.sh" "$url" "" "$work/bulk.rq")
[ "$n" = "$bulk_expected" ] && [ "$n" -gt 0 ] && ok "ld_dir bulk-loads the .nq files of --output ($n statements)" ||
  bad "bulk load: $n statements, expected $bulk_expected" "$work/bulk.log"

finish
