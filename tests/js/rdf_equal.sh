#!/usr/bin/env bash
# newsgraph's own N-Quads must be exactly the statements the reference JSON-LD
# processor (jsonld.js toRDF, via rdfcheck.mjs --nquads) reads from its JSON-LD,
# compared as sorted sets, for every sample and the contract example; and its
# N-Triples must be those statements with the graph names dropped.
# usage: rdf_equal.sh NEWSGRAPH JSDIR SAMPLES_DIR CONTRACT_DIR
set -u
bin=$1 js=$2 samples=$3 contract=$4
[ -d "$js/node_modules/jsonld" ] || { echo "SKIPPED: npm packages not installed"; exit 77; }
export LC_ALL=C  # sort by bytes, as RdfWriter does
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { echo "ok   $1"; pass=$((pass + 1)); }
failed() { echo "FAIL $1"; printf '%s\n' "$2" | head -n 20; fail=$((fail + 1)); }

# N-Quads on stdin, N-Triples out: parsed and rewritten by N3.js, so that a
# graph name is told apart from an object IRI that happens to equal it.
drop_graphs() {
  node --input-type=module -e '
    import fs from "node:fs";
    import path from "node:path";
    import { createRequire } from "node:module";
    const N3 = createRequire(path.resolve(process.argv[1], "package.json"))("n3");
    const quads = new N3.Parser({ format: "N-Quads" }).parse(fs.readFileSync(0, "utf8"));
    const w = new N3.Writer({ format: "N-Triples" });
    process.stdout.write(quads.map(q => w.quadToString(q.subject, q.predicate, q.object)).join(""));
  ' "$js"
}

# The differences of two sorted files, as "- only in the first", "+ only in the second".
set_diff() {
  comm -23 "$1" "$2" | sed 's/^/- /'
  comm -13 "$1" "$2" | sed 's/^/+ /'
}

# name, input file: two checks.
compare() {
  local name=$1 input=$2 t="$tmp/$1"
  "$bin" "$input" > "$t.jsonld" 2> "$t.err" || { failed "$name: JSON-LD" "$(cat "$t.err")"; return; }
  node "$js/rdfcheck.mjs" --contract "$contract" --nquads "$t.jsonld" 2> "$t.err" | sort -u > "$t.expected.nq"
  [ -s "$t.expected.nq" ] || { failed "$name: jsonld.js gives no N-Quads" "$(cat "$t.err")"; return; }
  if ! "$bin" --format nquads "$input" > "$t.nq" 2> "$t.err"; then
    failed "$name: newsgraph --format nquads" "$(cat "$t.err")"
  elif ! sort -u -c "$t.nq" 2> "$t.err"; then
    failed "$name: N-Quads lines are sorted and unique" "$(cat "$t.err")"
  elif ! cmp -s "$t.nq" "$t.expected.nq"; then
    failed "$name: N-Quads equal jsonld.js's (- jsonld.js only, + newsgraph only)" \
      "$(set_diff "$t.expected.nq" "$t.nq")"
  else
    ok "$name: N-Quads equal jsonld.js's"
  fi
  if ! drop_graphs < "$t.nq" > "$t.dropped" 2> "$t.err"; then
    failed "$name: N3.js reads the N-Quads" "$(cat "$t.err")"
    return
  fi
  sort -u "$t.dropped" > "$t.expected.nt"
  if ! "$bin" --format ntriples "$input" > "$t.nt" 2> "$t.err"; then
    failed "$name: newsgraph --format ntriples" "$(cat "$t.err")"
  elif ! sort -u -c "$t.nt" 2> "$t.err"; then
    failed "$name: N-Triples lines are sorted and unique" "$(cat "$t.err")"
  elif ! cmp -s "$t.nt" "$t.expected.nt"; then
    failed "$name: N-Triples equal the N-Quads without graph names (- expected, + newsgraph)" \
      "$(set_diff "$t.expected.nt" "$t.nt")"
  else
    ok "$name: N-Triples equal the N-Quads without graph names"
  fi
}

compare "contract example" "$contract/example-article.txt"
for input in "$samples"/*.txt; do
  compare "sample $(basename "$input" .txt)" "$input"
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
