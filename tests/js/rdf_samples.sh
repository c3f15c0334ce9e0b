#!/usr/bin/env bash
# Every sample's output, and the contract example's, converted to RDF by the
# reference JSON-LD processor in safe mode and validated against the SHACL
# shapes; the contract example's rows must equal the contract's.
# usage: rdf_samples.sh NEWSGRAPH JSDIR SAMPLES_DIR CONTRACT_DIR
set -u
bin=$1 js=$2 samples=$3 contract=$4
[ -d "$js/node_modules/jsonld" ] || { echo "SKIPPED: npm packages not installed"; exit 77; }
pass=0 fail=0
check() {  # name, then rdfcheck arguments
  local name=$1; shift
  if out=$(node "$js/rdfcheck.mjs" --contract "$contract" "$@" 2>&1); then
    echo "ok   $name"; pass=$((pass + 1))
  else
    echo "FAIL $name"; printf '%s\n' "$out" | head -n 40; fail=$((fail + 1))
  fi
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" < "$contract/example-article.txt" > "$tmp/example.jsonld"
check "contract example gives the contract's rows" --expect "$contract/example-output.jsonld" "$tmp/example.jsonld"
for input in "$samples"/*.txt; do
  name=$(basename "$input" .txt)
  "$bin" "$input" > "$tmp/$name.jsonld"
  check "sample $name is valid JSON-LD and SHACL" "$tmp/$name.jsonld"
done
"$bin" "$samples"/*.txt > "$tmp/all.jsonl"
check "all samples as JSON Lines" "$tmp/all.jsonl"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
