#!/usr/bin/env bash
# The bad-input matrix: each hostile input with its stated behaviour, either
# an error (message and exit code) or valid output. "Valid output" means one
# JSON document per input that parses, and every evidence selector whose
# `exact` equals the input text between `start` and `end` (code points).
# usage: bad_input.sh NEWSGRAPH SOURCE_DIR
set -u
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../checks.sh"

# run WANT_CODE ARGS...: newsgraph with stdout/stderr captured.
run() {
  local want=$1; shift
  timeout 300 "$bin" "$@" > "$tmp/out" 2> "$tmp/err"
  code=$?
  [ "$code" -eq "$want" ]
}
# error NAME WANT_CODE MESSAGE FILE ARGS...: fails with MESSAGE, no output.
error() {
  local name=$1 want=$2 msg=$3; shift 3
  if run "$want" -q "$@" && grep -qF -- "$msg" "$tmp/err" && [ ! -s "$tmp/out" ]; then
    ok "$name: exit $want, '$msg'"
  else
    bad "$name: exit $code (expected $want), stderr:" "$tmp/err"
  fi
}
# valid NAME INPUT ARGS...: exit 0 and output that checks against INPUT.
valid() {
  local name=$1 input=$2; shift 2
  if run 0 -q "$@" "$input" && python3 "$tmp/check.py" "$input" "$tmp/out" > "$tmp/why" 2>&1; then
    ok "$name: valid output ($(cat "$tmp/why"))"
  else
    [ "$code" -ne 0 ] && cp "$tmp/err" "$tmp/why"
    bad "$name: exit $code, output check:" "$tmp/why"
  fi
}

cat > "$tmp/check.py" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read().lstrip("\ufeff").replace("\r\n", "\n")
doc = json.load(open(sys.argv[2], encoding="utf-8"))
spans = 0
def walk(x):
    global spans
    if isinstance(x, dict):
        if x.get("type") == "Evidence":
            s, e = x["start"], x["end"]
            assert 0 <= s <= e <= len(text), f"span {s}-{e} outside the input"
            assert text[s:e] == x["exact"], f"span {s}-{e} is {text[s:e]!r}, exact {x['exact']!r}"
            spans += 1
        for v in x.values(): walk(v)
    elif isinstance(x, list):
        for v in x: walk(v)
walk(doc)
print(f"{spans} evidence spans checked")
PY

# Empty and near-empty documents.
printf '' > "$tmp/empty.txt"
error "empty file" 1 "empty.txt: error: empty document (no text)" "$tmp/empty.txt"
printf '  \n\t\r\n ' > "$tmp/ws.txt"
error "only whitespace" 1 "ws.txt: error: empty document (no text)" "$tmp/ws.txt"
printf '\xef\xbb\xbf' > "$tmp/bom.txt"
error "a BOM alone" 1 "bom.txt: error: empty document (no text)" "$tmp/bom.txt"

# Invalid UTF-8 of each kind, named with line and column.
printf 'Anna Lee\nsaid \xc0\xaf hi\n' > "$tmp/overlong.txt"
error "overlong encoding" 1 "overlong.txt:2:6: error: invalid UTF-8 (overlong encoding)" "$tmp/overlong.txt"
printf 'x \xed\xa0\x80 y\n' > "$tmp/surrogate.txt"
error "surrogate code point" 1 "surrogate.txt:1:3: error: invalid UTF-8 (surrogate code point)" "$tmp/surrogate.txt"
printf 'Tencent \xe4\xb8' > "$tmp/truncated.txt"
error "truncated sequence" 1 "truncated.txt:1:9: error: invalid UTF-8 (truncated sequence at end of input)" "$tmp/truncated.txt"
printf 'Anna\x00 Lee\n' > "$tmp/nul.txt"
error "NUL byte" 1 "nul.txt:1:5: error: binary data (NUL byte), not text" "$tmp/nul.txt"

# Huge inputs: refused over --max-doc-bytes, processed in full under it.
python3 -c "import sys; sys.stdout.write('a' * 50_000_000)" > "$tmp/line.txt"
error "50 MB line, default limit" 1 "line.txt: error: document is 50000000 bytes, over --max-doc-bytes (16777216)" "$tmp/line.txt"
valid "50 MB line with no spaces, raised limit" "$tmp/line.txt" --max-doc-bytes 60000000
python3 -c "print(' '.join(['Word.'] * 100_000))" > "$tmp/sentences.txt"
valid "100,000 one-word sentences" "$tmp/sentences.txt"
python3 -c "print('Guests included ' + ', '.join(f'Anna Lee{i % 10} Park' for i in range(10_000)) + '.')" > "$tmp/names.txt"
valid "10,000 names in one sentence" "$tmp/names.txt"

# Markup-like text: quotes, brackets, backslashes and newlines inside names.
python3 - > "$tmp/quotes.txt" <<'PY'
parts = ['"Mary \\"Chen\\"" <b>chief executive</b> of <Northwind\nCorp.> said \\\\ "" ',
         '\u201cAnna\u201d \\n Lee, CEO of Quartz \\ Ltd., said {"x": "<y>"}. ',
         'Mary Chen, chief executive of Northwind Corp., said sales rose 41% to $7.5 million. ']
print(''.join(parts) * 300)
PY
valid "quotes, angle brackets, backslashes, newlines" "$tmp/quotes.txt"
if grep -q '"Mary Chen"' "$tmp/out"; then ok "facts next to markup are still found"; else bad "no Mary Chen in the markup text" "$tmp/out"; fi

# JSON Lines: malformed, deeply nested and non-object lines are errors on
# their own line; the good lines still come out.
python3 - > "$tmp/in.jsonl" <<'PY'
print('{"id": "good-1", "text": "Mary Chen, chief executive of Northwind Corp., said."}')
print('{"id": "deep", "text": "x", "extra": ' + '[' * 100000 + ']' * 100000 + '}')
print('[' * 100000)
print('{"id": "unclosed", "text": "no end')
print('"a string"')
print('{"id": "good-2", "text": "Anna Lee, CEO of Quartz Ltd., said."}')
PY
if run 1 -q "$tmp/in.jsonl" && [ "$(wc -l < "$tmp/out")" -eq 3 ] &&
   grep -qF "in.jsonl:3: error: malformed JSON line (column 100001" "$tmp/err" &&
   grep -qF "in.jsonl:4: error: malformed JSON line (column 35" "$tmp/err" &&
   grep -qF "in.jsonl:5: error: JSON line is not an object" "$tmp/err"; then
  ok "malformed and nested JSON lines: exit 1, 3 documents out, each bad line named"
else
  bad "JSON Lines matrix: exit $code, $(wc -l < "$tmp/out") lines out" "$tmp/err"
fi

# Invalid UTF-8 inside a JSON line and in a file name: the errors file
# stays valid JSON Lines (bad bytes become U+FFFD), the run goes on.
printf '{"id": "x", "text": \xff\xfe}\n{"id": "ok", "text": "Anna Lee, CEO of Quartz Ltd., said."}\n' > "$tmp/bytes.jsonl"
printf 'Anna Lee\x00\n' > "$tmp/name-$(printf '\xff').txt"
if run 1 -q --errors "$tmp/errors.jsonl" "$tmp/bytes.jsonl" "$tmp/name-$(printf '\xff').txt" &&
   [ "$(wc -l < "$tmp/out")" -eq 1 ] &&
   python3 -c "
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
assert len(rows) == 2, rows
assert rows[0]['source'].endswith('bytes.jsonl:1') and '\ufffd' in rows[0]['error'], rows[0]
assert rows[1]['source'].endswith('name-\ufffd.txt') and 'NUL byte' in rows[1]['error'], rows[1]
assert (rows[1]['line'], rows[1]['column']) == (1, 9), rows[1]
assert 'line' not in rows[0], rows[0]
" "$tmp/errors.jsonl"; then
  ok "invalid UTF-8 in a JSON line and a file name: exit 1, errors file valid"
else
  bad "invalid UTF-8 in the errors file: exit $code" "$tmp/err"
fi

# Rule files.
mkdir -p "$tmp/rules"
cp -r "$src/rules/." "$tmp/rules/"
cat > "$tmp/rules/patterns/pathological.rules" <<'EOF'
rule bad.nested-stars
  family: entity
  pattern: n:((_*)*(_+)+ ((/(a+)+$/)* _?){1,50})+ "done" "."
  emit: THING(span=n)
EOF
python3 -c "print('Mary Chen said ' + ' '.join(['aaaaaaaaaaaaaaaa'] * 5000) + ' done.')" > "$tmp/aaa.txt"
valid "a rule with nested repetition on a 5,000-token sentence" "$tmp/aaa.txt" --rules "$tmp/rules"
rm "$tmp/rules/patterns/pathological.rules"
python3 - "$tmp/rules/lexicons/huge.lex" <<'PY'
import random, sys
random.seed(5)
syl = ["ka", "ro", "mi", "tan", "vel", "dor", "sha", "lin", "qua", "zer"]
with open(sys.argv[1], "w") as f:
    f.write("@entity PLACE\n")
    for _ in range(200_000):
        f.write("".join(random.choice(syl) for _ in range(4)).capitalize() + "\n")
    f.write("Kamitanvel\n")
PY
echo "Mary Chen moved to Kamitanvel." > "$tmp/place.txt"
if run 0 -q --rules "$tmp/rules" "$tmp/place.txt" && grep -q '"Kamitanvel"' "$tmp/out"; then
  ok "a 200,000-entry lexicon loads and matches"
else
  bad "enormous lexicon: exit $code" "$tmp/err"
fi
rm "$tmp/rules/lexicons/huge.lex"
printf 'define $x = $y "a"\ndefine $y = $x "b"\nrule c.cycle\n  family: entity\n  pattern: n:$x\n  emit: THING(span=n)\n' \
  > "$tmp/rules/patterns/cycle.rules"
if run 3 rules check "$tmp/rules" && grep -qF "cycle.rules:2:13: error: macro cycle: \$x -> \$y -> \$x" "$tmp/err"; then
  ok "a macro cycle: exit 3, the cycle named"
else
  bad "macro cycle: exit $code" "$tmp/err"
fi
rm "$tmp/rules/patterns/cycle.rules"
error "a missing rules folder" 3 "$tmp/no-such-rules: error: not a rules directory (no such directory)" \
  --rules "$tmp/no-such-rules" "$tmp/place.txt"

finish
