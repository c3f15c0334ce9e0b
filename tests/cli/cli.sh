#!/usr/bin/env bash
# CLI behaviour: exit codes, stdin and files, errors on stderr, --help.
# usage: cli.sh NEWSGRAPH SOURCE_DIR
set -u
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
# expect NAME WANT_CODE COMMAND...: runs COMMAND, captures stdout/stderr.
expect() {
  local name=$1 want=$2; shift 2
  "$@" > "$tmp/out" 2> "$tmp/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then
    pass=$((pass + 1)); echo "ok   $name"; return 0
  fi
  fail=$((fail + 1))
  echo "FAIL $name: exit $got, expected $want"; head -n 5 "$tmp/err"
  return 1
}
# contains NAME FILE TEXT
contains() {
  if grep -qF -- "$3" "$2"; then pass=$((pass + 1)); echo "ok   $1"
  else fail=$((fail + 1)); echo "FAIL $1: $2 lacks '$3'"; head -n 5 "$2"; fi
}
lines() {  # NAME FILE N
  local n; n=$(wc -l < "$2")
  if [ "$n" -eq "$3" ]; then pass=$((pass + 1)); echo "ok   $1"
  else fail=$((fail + 1)); echo "FAIL $1: $n lines, expected $3"; fi
}

article="$src/samples/appointment.txt"

expect "--help exits 0" 0 "$bin" --help
contains "--help is on stdout with examples" "$tmp/out" "Examples:"
contains "--help documents exit codes" "$tmp/out" "Exit status:"
expect "--version exits 0" 0 "$bin" --version
contains "--version prints the version" "$tmp/out" "newsgraph 0.1"

expect "--explain exits 0" 0 "$bin" -q --explain "$article"
contains "--explain names the document" "$tmp/err" "# $article"
contains "--explain names each rule, its file:line and the text it matched" "$tmp/err" \
  'entity.org.suffix (rules/patterns/entities.rules:'
contains "--explain shows what each pattern part matched" "$tmp/err" '=>  "Helvetia Freight AG"'
contains "--explain keeps the JSON-LD on stdout" "$tmp/out" '"@context"'

expect "unknown flag exits 2" 2 "$bin" --no-such-flag
contains "unknown flag hint on stderr" "$tmp/err" "newsgraph --help"
expect "bad --date exits 2" 2 "$bin" --date 2024-13-40 "$article"
contains "bad --date says why" "$tmp/err" "YYYY-MM-DD"
expect "--id with two inputs exits 2" 2 "$bin" --id x "$article" "$article"

expect "stdin article exits 0" 0 sh -c "'$bin' < '$article'"
lines "stdin gives one JSON line" "$tmp/out" 1
contains "output is JSON-LD with the context inline" "$tmp/out" '"@context":{"@version":1.1'
expect "a file argument exits 0" 0 "$bin" "$article"
expect "'-' reads stdin" 0 sh -c "'$bin' - < '$article'"
expect "two files exit 0" 0 "$bin" "$article" "$src/samples/results.txt"
lines "two files give two JSON lines" "$tmp/out" 2

expect "missing file exits 1" 1 "$bin" "$tmp/nope.txt" "$article"
contains "missing file is named on stderr" "$tmp/err" "$tmp/nope.txt: error: cannot read"
lines "the other input is still processed" "$tmp/out" 1

printf 'Acme said \xff\xfe hello.\n' > "$tmp/bad.txt"
expect "invalid UTF-8 exits 1" 1 "$bin" "$tmp/bad.txt"
contains "invalid UTF-8 names file, line and column" "$tmp/err" "$tmp/bad.txt:1:11: error: invalid UTF-8"
: > "$tmp/empty.txt"
expect "empty file exits 1" 1 "$bin" "$tmp/empty.txt"
contains "empty file is reported" "$tmp/err" "empty document"
printf 'abc\0def' > "$tmp/bin.dat"
expect "binary file exits 1" 1 "$bin" "$tmp/bin.dat"
contains "binary file is reported" "$tmp/err" "binary data"
printf '\xef\xbb\xbfAcme Corp named Jane Roe chief executive.\r\n' > "$tmp/bom.txt"
expect "BOM and CRLF are accepted" 0 "$bin" "$tmp/bom.txt"
contains "evidence offsets do not count the BOM" "$tmp/out" '"exact":"named Jane Roe chief executive","start":10'

expect "closed stdout ends quietly" 0 sh -c "'$bin' '$article' '$article' '$article' | head -c 10 > /dev/null"

expect "rules check on the built-in rules exits 0" 0 "$bin" rules check
expect "rules check on rules/ exits 0" 0 "$bin" rules check "$src/rules"
expect "rules test on the built-in rules exits 0" 0 "$bin" rules test
contains "rules test prints a summary" "$tmp/err" " passed, 0 failed"
mkdir -p "$tmp/badrules"
printf 'rule x.y\n  family: entity\n  pattern: x:@nope\n  emit: HIT(span=x)\n' > "$tmp/badrules/a.rules"
expect "rules check on a broken rule exits 3" 3 "$bin" rules check "$tmp/badrules"
contains "rules check says file:line:col" "$tmp/err" "$tmp/badrules/a.rules:3:14: error: unknown lexicon '@nope'"
expect "extraction with broken rules exits 3" 3 "$bin" --rules "$tmp/badrules" "$article"
expect "missing rules folder exits 3" 3 "$bin" --rules "$tmp/none" "$article"

# The diagnostics shown in rules/FORMAT.md are the ones rules check prints.
mkdir -p "$tmp/doc" && cp -r "$src/tests/cli/broken-rules" "$tmp/doc/rules"
(cd "$tmp/doc" && "$bin" rules check rules) > /dev/null 2> "$tmp/doc/got"
sed -n '/^## Errors/,/^## How/p' "$src/rules/FORMAT.md" | sed -n '/^```$/,/^```$/p' | grep -v '^```' > "$tmp/doc/want"
if diff -u "$tmp/doc/want" "$tmp/doc/got"; then pass=$((pass + 1)); echo "ok   FORMAT.md's error listing is real"
else fail=$((fail + 1)); echo "FAIL FORMAT.md's error listing differs from rules check"; fi

# A user extends the rules by editing files only: a title, a merger verb and
# a new relation pattern, used through --rules.
cp -r "$src/rules" "$tmp/myrules"
echo "Chief Happiness Officer" >> "$tmp/myrules/lexicons/titles.lex"
echo "snapped up | change=acquisition" >> "$tmp/myrules/lexicons/merger_verbs.lex"
cat > "$tmp/myrules/patterns/mine.rules" <<'RULES'
rule mine.joins-as
  family: membership
  priority: 20
  pattern: member:PERSON "joins" org:ORGANIZATION "as" ("its")? role:ROLE
  emit: membership(member=member, role=role, organization=org, status="appointed")
  example: Laura Stein joins Opal Corp as its treasurer.
  expect: member="Laura Stein" org="Opal Corp" role="treasurer"
RULES
printf 'Laura Stein joins Opal Corp as Chief Happiness Officer.\nOpal Corp snapped up Beryl Inc.\n' > "$tmp/ext.txt"
expect "rules check accepts the edited rules" 0 "$bin" rules check "$tmp/myrules"
expect "rules test runs the new rule's example" 0 "$bin" rules test "$tmp/myrules"
expect "extraction with edited rules" 0 "$bin" --rules "$tmp/myrules" "$tmp/ext.txt"
contains "the new title is a role" "$tmp/out" '"name":"Chief Happiness Officer"'
contains "the new relation pattern fired" "$tmp/out" '"rule":"mine.joins-as"'
contains "the new merger verb made an acquisition" "$tmp/out" '"changeType":"acquisition"'
expect "the built-in rules know none of them" 0 "$bin" "$tmp/ext.txt"
if grep -q 'Chief Happiness Officer\|mine.joins-as\|acquisition' "$tmp/out"; then
  fail=$((fail + 1)); echo "FAIL the built-in rules already found these"
else pass=$((pass + 1)); echo "ok   the built-in rules know none of them"; fi

# eval on the project's own gold file.
expect "eval on the samples exits 0" 0 "$bin" eval --gold "$src/tests/eval/samples.gold.json" "$src/samples"
contains "eval prints a table per family" "$tmp/out" "memberships"
contains "eval prints the micro average" "$tmp/out" "micro"
contains "eval lists rules by false positives" "$tmp/out" "rules (by false positives)"
expect "eval --json exits 0" 0 "$bin" eval --json --gold "$src/tests/eval/samples.gold.json" "$src/samples"
python3 -c "import json,sys; r=json.load(open('$tmp/out')); assert r['documents']==6 and 0<=r['micro']['f1']<=1" \
  && { pass=$((pass + 1)); echo "ok   eval --json is JSON with the scores"; } \
  || { fail=$((fail + 1)); echo "FAIL eval --json"; }
expect "eval with a missing gold file exits 2" 2 "$bin" eval --gold "$tmp/none.json" "$src/samples"
# A rule writer scores an edited rule folder without recompiling: with the
# appointment rules gone, the memberships they found become misses.
mkdir -p "$tmp/evalrules" && cp -r "$src/rules/." "$tmp/evalrules/"
sed -i 's/^rule role\.appointment\.named$/rule role.appointment.named-off/; /^rule role\.appointment\.named-off$/,/^$/ s/^  pattern: /  pattern: "zzz-never" /' \
  "$tmp/evalrules/patterns/memberships.rules"
expect "eval --rules DIR exits 0" 0 "$bin" eval --rules "$tmp/evalrules" --json --gold "$src/tests/eval/samples.gold.json" "$src/samples"
cp "$tmp/out" "$tmp/eval-edited.json"
"$bin" eval --json --gold "$src/tests/eval/samples.gold.json" "$src/samples" > "$tmp/eval-builtin.json" 2>/dev/null
python3 -c "
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:])
fn = lambda r: r['families']['memberships']['fn'] if 'families' in r else None
assert fn(b) is not None and fn(a) > fn(b), (fn(a), fn(b))
" "$tmp/eval-edited.json" "$tmp/eval-builtin.json" \
  && { pass=$((pass + 1)); echo "ok   eval --rules scores the edited rules"; } \
  || { fail=$((fail + 1)); echo "FAIL eval --rules did not change the scores"; head -c 400 "$tmp/eval-edited.json"; }

# Review views: one page (or graph) for a whole batch on stdout, one
# complete page per document in an output folder, a page even when every
# input failed.
expect "-f html over the samples exits 0" 0 "$bin" -q -f html "$src/samples"
[ "$(grep -c '<section class="doc"' "$tmp/out")" -eq 6 ] && [ "$(grep -c '<!DOCTYPE html>' "$tmp/out")" -eq 1 ] &&
  [ "$(grep -c '<nav class="toc">' "$tmp/out")" -eq 1 ] && tail -n 1 "$tmp/out" | grep -qx '</html>' &&
  { pass=$((pass + 1)); echo "ok   -f html: one page, 6 sections, a table of contents"; } ||
  { fail=$((fail + 1)); echo "FAIL -f html page structure"; }
expect "-f html --output writes one page per document" 0 "$bin" -q -f html --output "$tmp/pages" "$src/samples"
[ "$(ls "$tmp/pages" | grep -c '\.html$')" -eq 6 ] && grep -q '</html>' "$tmp/pages/appointment.html" &&
  grep -q '<!DOCTYPE html>' "$tmp/pages/appointment.html" &&
  { pass=$((pass + 1)); echo "ok   -f html --output: 6 complete .html files"; } ||
  { fail=$((fail + 1)); echo "FAIL -f html --output"; ls "$tmp/pages"; }
printf '' > "$tmp/empty.txt"
expect "-f html with only a failed input exits 1" 1 "$bin" -q -f html "$tmp/empty.txt"
grep -q '<!DOCTYPE html>' "$tmp/out" && tail -n 1 "$tmp/out" | grep -qx '</html>' &&
  ! grep -q '<section' "$tmp/out" &&
  { pass=$((pass + 1)); echo "ok   -f html with no document: an empty page, still complete"; } ||
  { fail=$((fail + 1)); echo "FAIL -f html with no document"; }
expect "-f dot exits 0" 0 "$bin" -q -f dot "$src/samples"
head -n 1 "$tmp/out" | grep -qx 'digraph newsgraph {' && tail -n 1 "$tmp/out" | grep -qx '}' &&
  [ "$(grep -c 'subgraph "cluster_doc-' "$tmp/out")" -eq 6 ] &&
  { pass=$((pass + 1)); echo "ok   -f dot: one digraph, a cluster per document"; } ||
  { fail=$((fail + 1)); echo "FAIL -f dot structure"; head -n 3 "$tmp/out"; }
expect "-f html with --pretty is a usage error" 2 "$bin" -f html --pretty "$article"
# Merging many articles: separate articles that write a company's legal
# suffix differently name it alike, so the merged graph has one schema:name
# per IRI; a known_names entry settles names that differ in their words.
cat > "$tmp/spell.jsonl" <<'JSONL'
{"id":"urn:t:1","text":"Opal Corp named Ann Lee chief executive officer. Ruth Park, a director of Cedar Industries Ltd, said little."}
{"id":"urn:t:2","text":"Ann Lee, chief executive officer of Opal Corp., spoke on Monday. Ruth Park is a director of Cedar Industries."}
JSONL
names_of() {  # FILE IRI-SUFFIX: the distinct names of that entity
  python3 -c "
import json, sys
names = {n['name'] for l in open(sys.argv[1]) for n in json.loads(l)['graph']
         if n['id'].endswith(sys.argv[2])}
print('|'.join(sorted(names)))" "$1" "$2"
}
expect "a batch of differently spelled names exits 0" 0 "$bin" -q "$tmp/spell.jsonl"
[ "$(names_of "$tmp/out" /org/opal)" = "Opal Corp." ] \
  && { pass=$((pass + 1)); echo "ok   'Opal Corp' and 'Opal Corp.,' are one name"; } \
  || { fail=$((fail + 1)); echo "FAIL names of org/opal: $(names_of "$tmp/out" /org/opal)"; }
[ "$(names_of "$tmp/out" /org/cedar-industries)" = "Cedar Industries|Cedar Industries Ltd." ] \
  && { pass=$((pass + 1)); echo "ok   without a known name the two articles differ"; } \
  || { fail=$((fail + 1)); echo "FAIL names of org/cedar-industries: $(names_of "$tmp/out" /org/cedar-industries)"; }
cp -r "$src/rules" "$tmp/namerules"
echo "Cedar Industries Ltd." >> "$tmp/namerules/lexicons/known_names.lex"
expect "a known name in the rules exits 0" 0 "$bin" -q --rules "$tmp/namerules" "$tmp/spell.jsonl"
[ "$(names_of "$tmp/out" /org/cedar-industries)" = "Cedar Industries Ltd." ] \
  && { pass=$((pass + 1)); echo "ok   a known_names entry gives both articles one name"; } \
  || { fail=$((fail + 1)); echo "FAIL names with known_names: $(names_of "$tmp/out" /org/cedar-industries)"; }

expect "an unknown format is a usage error" 2 "$bin" -f svg "$article"
contains "the usage error lists the formats" "$tmp/err" "jsonld, nquads, ntriples, html or dot"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
