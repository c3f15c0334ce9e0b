#!/usr/bin/env bash
# Batch behaviour: folders, JSON Lines, jobs, output folders, resume, shards,
# and every bad-input class with its error and exit code.
# usage: batch.sh NEWSGRAPH SOURCE_DIR
set -u
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../checks.sh"
run() {  # run WANT_CODE COMMAND... -> $tmp/out, $tmp/err
  local want=$1; shift
  "$@" > "$tmp/out" 2> "$tmp/err"
  code=$?
  [ "$code" -eq "$want" ]
}
has() { grep -qF -- "$2" "$1"; }

# A corpus: the samples in nested folders, a hidden file, a non-matching file.
corpus="$tmp/corpus"
mkdir -p "$corpus/b/deeper" "$corpus/a" "$corpus/.hidden"
cp "$src/samples/appointment.txt" "$corpus/b/deeper/z.txt"
cp "$src/samples/results.txt" "$corpus/a/y.txt"
cp "$src/samples/departure.txt" "$corpus/x.md"
cp "$src/samples/integration.txt" "$corpus/.hidden/h.txt"
cp "$src/samples/newswire.txt" "$corpus/.dot.txt"
cp "$src/samples/acquisition.txt" "$corpus/notes.csv"
ln -s "$corpus" "$corpus/b/loop"

run 0 "$bin" -q "$corpus" && ok "folder exits 0" || bad "folder exits 0 (got $code)" "$tmp/err"
[ "$(wc -l < "$tmp/out")" -eq 3 ] && ok "folder: 3 documents (hidden, .csv skipped)" || bad "folder: $(wc -l < "$tmp/out") documents"
has "$tmp/err" "symlink loop" && ok "symlink loop is reported" || bad "symlink loop is reported" "$tmp/err"
"$bin" -q "$corpus/a/y.txt" "$corpus/b/deeper/z.txt" "$corpus/x.md" > "$tmp/sorted" 2>/dev/null
cmp -s "$tmp/out" "$tmp/sorted" && ok "folders are walked in sorted order" || bad "folders are walked in sorted order"
run 0 "$bin" -q --include '*.md' "$corpus" && [ "$(wc -l < "$tmp/out")" -eq 1 ] && ok "--include selects files" || bad "--include selects files"
run 0 "$bin" -q --exclude 'y*' "$corpus" && [ "$(wc -l < "$tmp/out")" -eq 2 ] && ok "--exclude skips files" || bad "--exclude skips files"

# Same bytes whatever the number of jobs.
many="$tmp/many"
mkdir -p "$many"
for i in $(seq -w 1 40); do cp "$src/samples/$(ls "$src/samples" | sed -n "$(( (10#$i % 6) + 1 ))p")" "$many/doc$i.txt"; done
"$bin" -q -j 1 "$many" > "$tmp/j1" 2>/dev/null
"$bin" -q -j 2 "$many" > "$tmp/j2" 2>/dev/null
"$bin" -q -j 7 "$many" > "$tmp/j7" 2>/dev/null
cmp -s "$tmp/j1" "$tmp/j2" && cmp -s "$tmp/j1" "$tmp/j7" && [ "$(wc -l < "$tmp/j1")" -eq 40 ] \
  && ok "output is byte-identical for --jobs 1, 2 and 7" || bad "output differs across --jobs"

# More documents than the jobs keep in flight (1,024 a job), so the thread
# that reads and writes also processes documents while it waits: still the
# same bytes, in input order.
python3 - "$src/samples" > "$tmp/long.jsonl" <<'PY'
import json, os, sys
texts = [open(os.path.join(sys.argv[1], f)).read() for f in sorted(os.listdir(sys.argv[1])) if f.endswith(".txt")]
for i in range(3500):
    print(json.dumps({"id": "d%04d" % i, "text": texts[i % len(texts)] if i % 50 == 0 else "Short note %d." % i}))
PY
"$bin" -q -j 1 "$tmp/long.jsonl" > "$tmp/l1" 2>/dev/null
"$bin" -q -j 2 "$tmp/long.jsonl" > "$tmp/l2" 2>/dev/null
"$bin" -q -j 3 "$tmp/long.jsonl" > "$tmp/l3" 2>/dev/null
cmp -s "$tmp/l1" "$tmp/l2" && cmp -s "$tmp/l1" "$tmp/l3" && [ "$(wc -l < "$tmp/l1")" -eq 3500 ] \
  && ok "3,500 documents: byte-identical for --jobs 1, 2 and 3" || bad "3,500 documents differ across --jobs"

# JSON Lines, with a malformed line and a line without text.
jl="$tmp/in.jsonl"
python3 - "$src" > "$jl" <<'PY'
import json, sys
src = sys.argv[1]
for i, name in enumerate(["appointment", "results"]):
    text = open(f"{src}/samples/{name}.txt").read()
    print(json.dumps({"id": f"doc-{i}", "url": f"https://example.com/{i}", "date": "2024-06-12", "headline": name, "text": text}))
print('{"id": "broken", "text": "unterminated')
print('{"id": "no-text"}')
print('')
print(json.dumps({"docid": "custom", "body": "Quartz Ltd. named Laura Stein president."}))
PY
run 1 "$bin" -q "$jl" && ok "JSON Lines with bad lines exits 1" || bad "JSON Lines with bad lines exits 1 (got $code)" "$tmp/err"
[ "$(wc -l < "$tmp/out")" -eq 2 ] && ok "the good JSON lines are processed" || bad "good JSON lines: $(wc -l < "$tmp/out")"
has "$tmp/err" "$jl:3: error: malformed JSON line (column 39: syntax error while parsing value - invalid string: missing closing quote" && ok "malformed JSON line is named with its line, column and reason" || bad "malformed JSON line report" "$tmp/err"
has "$tmp/err" "$jl:4: error: JSON line has no string field \"text\"" && ok "missing text field is reported" || bad "missing text field report" "$tmp/err"
has "$tmp/out" '"id":"https://w3id.org/newsgraph/id/doc/doc-0"' && ok "JSON Lines id becomes the document IRI" || bad "JSON Lines id" "$tmp/out"
has "$tmp/out" '"headline":"appointment"' && has "$tmp/out" '"url":"https://example.com/0"' && ok "url and headline are kept" || bad "url and headline"
run 1 "$bin" -q --field id=docid --field text=body "$jl" && has "$tmp/out" 'doc/custom' && ok "--field renames JSON Lines fields" || bad "--field" "$tmp/err"
run 2 "$bin" --field nonsense "$jl" && ok "bad --field exits 2" || bad "bad --field exits 2 (got $code)"
# The dateline field: "dlrs" in a Toronto story are Canadian dollars.
printf '%s\n' '{"id": "t1", "dateline": "TORONTO, March 5", "text": "Maple Bank said net income rose to 96.5 mln dlrs."}' \
  '{"id": "n1", "place": "TORONTO, March 5", "text": "Maple Bank said net income rose to 96.5 mln dlrs."}' > "$tmp/dl.jsonl"
run 0 "$bin" -q "$tmp/dl.jsonl" && [ "$(grep -c '"unitCode":"CAD"' "$tmp/out")" -eq 1 ] &&
  head -n 1 "$tmp/out" | grep -q '"unitCode":"CAD"' && ok "the dateline field makes dlrs Canadian dollars" ||
  bad "dateline field" "$tmp/out"
run 0 "$bin" -q --field dateline=place "$tmp/dl.jsonl" && [ "$(grep -c '"unitCode":"CAD"' "$tmp/out")" -eq 1 ] &&
  tail -n 1 "$tmp/out" | grep -q '"unitCode":"CAD"' && ok "--field dateline=KEY" || bad "--field dateline" "$tmp/out"
run 0 sh -c "head -n 2 '$jl' | '$bin' -q --input jsonl" && [ "$(wc -l < "$tmp/out")" -eq 2 ] && ok "JSON Lines from stdin with --input jsonl" || bad "JSON Lines from stdin"

# Every bad-input class, with --errors.
bads="$tmp/bad"
mkdir -p "$bads"
printf 'ok \xff\xfe bad\n' > "$bads/1-utf8.txt"
printf 'abc\0def' > "$bads/2-binary.txt"
: > "$bads/3-empty.txt"
printf '   \n\t\n' > "$bads/4-blank.txt"
head -c 3000 /dev/zero | tr '\0' 'a' > "$bads/5-big.txt"
cp "$src/samples/results.txt" "$bads/6-good.txt"
cp "$src/samples/results.txt" "$bads/7-unreadable.txt"; chmod 000 "$bads/7-unreadable.txt"
run 1 "$bin" -q --max-doc-bytes 2000 --errors "$tmp/errors.jsonl" "$bads" "$tmp/missing.txt" \
  && ok "bad inputs exit 1" || bad "bad inputs exit 1 (got $code)" "$tmp/err"
good=1; [ "$(id -u)" -eq 0 ] && good=2   # root reads a mode-000 file
[ "$(wc -l < "$tmp/out")" -eq "$good" ] && ok "the good input among bad ones is processed" || bad "good among bad: $(wc -l < "$tmp/out")"
has "$tmp/err" "1-utf8.txt:1:4: error: invalid UTF-8" && ok "invalid UTF-8 reported with line:col" || bad "invalid UTF-8" "$tmp/err"
has "$tmp/err" "2-binary.txt:1:4: error: binary data" && ok "binary file reported" || bad "binary" "$tmp/err"
has "$tmp/err" "3-empty.txt: error: empty document" && has "$tmp/err" "4-blank.txt: error: empty document" && ok "empty and blank files reported" || bad "empty" "$tmp/err"
has "$tmp/err" "5-big.txt: error: document is 3000 bytes, over --max-doc-bytes (2000)" && ok "oversized document reported" || bad "oversized" "$tmp/err"
if [ "$(id -u)" -ne 0 ]; then
  has "$tmp/err" "7-unreadable.txt: error: cannot read" && ok "unreadable file reported" || bad "unreadable" "$tmp/err"
fi
has "$tmp/err" "$tmp/missing.txt: error: cannot read" && ok "missing path reported" || bad "missing" "$tmp/err"
python3 -c "
import json,sys
rows=[json.loads(l) for l in open('$tmp/errors.jsonl')]
assert all('source' in r and 'error' in r for r in rows), rows
print(len(rows))" > "$tmp/nerr" 2>&1 && [ "$(cat "$tmp/nerr")" -ge 6 ] && ok "--errors lists the failed inputs as JSON Lines" || bad "--errors file" "$tmp/nerr"
has "$tmp/err" "failed" || true
run 2 "$bin" -q --errors "$tmp/no/such/dir/e.jsonl" "$corpus" && ok "unwritable --errors exits 2" || bad "unwritable --errors exits 2 (got $code)"

# --output: one file per document, atomic; --resume skips what exists.
out="$tmp/outdir"
run 0 "$bin" -q -j 2 --output "$out" "$corpus" && ok "--output exits 0" || bad "--output exits 0 (got $code)" "$tmp/err"
[ -f "$out/a/y.jsonld" ] && [ -f "$out/b/deeper/z.jsonld" ] && [ -f "$out/x.jsonld" ] && ok "--output mirrors the folder" || bad "--output layout" <(find "$out")
[ ! -s "$tmp/out" ] && ok "--output writes nothing to stdout" || bad "--output wrote to stdout"
ls "$out"/*.tmp-* "$out"/*/*.tmp-* >/dev/null 2>&1 && bad "temporary files left" || ok "no temporary files left"
rm "$out/x.jsonld"
touch -d '2000-01-01' "$out/a/y.jsonld"
run 0 "$bin" --resume --output "$out" "$corpus" && ok "--resume exits 0" || bad "--resume exits 0 (got $code)" "$tmp/err"
has "$tmp/err" "1 succeeded, 0 failed, 2 skipped" && ok "--resume skips complete outputs and redoes missing ones" || bad "--resume counts" "$tmp/err"
[ -f "$out/x.jsonld" ] && [ "$(stat -c %Y "$out/a/y.jsonld")" -lt 1000000000 ] && ok "--resume rewrote only the missing file" || bad "--resume files"
run 0 "$bin" -q --output "$out/jl" "$jl" --exclude nothing
[ -f "$out/jl/in/doc-0.jsonld" ] && ok "JSON Lines documents get files named by id" || bad "JSON Lines --output names" <(find "$out/jl")

# Resume after a kill: the outputs that exist are complete JSON.
big="$tmp/bigcorpus"; mkdir -p "$big"
for i in $(seq 1 3000); do printf '%s\nNote %d.\n' "$(cat "$src/samples/results.txt")" "$i" > "$big/d$i.txt"; done
"$bin" -q -j 2 --output "$tmp/killed" "$big" 2>/dev/null &
pid=$!
# Kill it once some, but not all, outputs exist.
for i in $(seq 1 200); do
  n=$(find "$tmp/killed" -name '*.jsonld' 2>/dev/null | wc -l)
  [ "$n" -ge 50 ] && break; sleep 0.01
done
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
partial=$(find "$tmp/killed" -name '*.jsonld' | wc -l)
# One python3 for all the files: a late kill can leave thousands.
complete=0
python3 - "$tmp/killed" <<'PY' 2>/dev/null && complete=1
import json, pathlib, sys
for f in pathlib.Path(sys.argv[1]).rglob("*.jsonld"):
    json.load(open(f))
PY
[ "$complete" -eq 1 ] && ok "after a kill, every output file is complete ($partial written)" || bad "a killed run left a partial file"
[ "$partial" -lt 3000 ] && ok "the run was killed midway ($partial of 3000)" || bad "the run was not killed midway"
run 0 "$bin" --resume -j 2 --output "$tmp/killed" "$big" && [ "$(find "$tmp/killed" -name '*.jsonld' | wc -l)" -eq 3000 ] \
  && ok "--resume completes a killed run" || bad "--resume after kill" "$tmp/err"
"$bin" -q -j 2 --output "$tmp/fresh" "$big" 2>/dev/null

# On a terminal, a progress line: documents of the total, the share read and
# the time left; cleared before the summary. (script gives stderr a terminal.)
if command -v script > /dev/null; then
  script -qc "'$bin' -j 1 '$big' > /dev/null" /dev/null < /dev/null | tr '\r' '\n' > "$tmp/progress"
  grep -qE '^[0-9]+ of 3000 documents \(0 failed\)  [0-9.]+ MB  [0-9.]+ MB/s  [0-9]+%  ETA [0-9]+:[0-9]{2}' "$tmp/progress" \
    && ok "progress line on a terminal: documents of the total, share read, ETA" \
    || bad "progress line on a terminal" "$tmp/progress"
  has "$tmp/progress" "3000 read, 3000 succeeded" && ok "summary after the progress line" \
    || bad "summary after the progress line" "$tmp/progress"
  # The total follows the walk: hidden files, excluded files and a symlink
  # loop are left out of it as they are out of the run.
  script -qc "'$bin' --exclude 'y*' '$corpus' > /dev/null" /dev/null < /dev/null | tr '\r' '\n' > "$tmp/progress"
  grep -qE '^2 of 2 documents .*100%' "$tmp/progress" \
    && ok "progress total leaves out hidden and excluded files and the symlink loop" \
    || bad "progress total of a folder with hidden, excluded files and a loop" "$tmp/progress"
  # One shard of two: no document total (half are read), but the other
  # shard's inputs count as read, so the share ends at 100%.
  script -qc "'$bin' -j 1 --shard 1/2 '$big' > /dev/null" /dev/null < /dev/null | tr '\r' '\n' > "$tmp/progress"
  last=$(grep -E 'documents \(' "$tmp/progress" | tail -n 1)
  case "$last" in
    *" of "*) bad "progress line of a shard gives a document total" "$tmp/progress" ;;
    *"100%  ETA"*) ok "progress line of a shard: no document total, ends at 100%" ;;
    *) bad "progress line of a shard does not end at 100%" "$tmp/progress" ;;
  esac
else
  ok "(script not installed: progress line on a terminal not checked)"
fi
diff -r <(cd "$tmp/fresh" && find . -name '*.jsonld' -exec cat {} + | sort) <(cd "$tmp/killed" && find . -name '*.jsonld' -exec cat {} + | sort) >/dev/null \
  && ok "a resumed run gives the same files as one run" || bad "resumed output differs"

# Shards: their union is the one-run output.
"$bin" -q "$many" "$jl" 2>/dev/null | sort > "$tmp/all"
: > "$tmp/union"
for k in 0 1 2; do "$bin" -q --shard $k/3 "$many" "$jl" 2>/dev/null >> "$tmp/union"; done
sort "$tmp/union" -o "$tmp/union"
cmp -s "$tmp/all" "$tmp/union" && ok "the union of 3 shards is the one-run output" || bad "shard union differs"
# ... and as N-Quads, compared as sets of statements.
"$bin" -q -f nquads "$many" "$jl" 2>/dev/null | sort -u > "$tmp/all.nq"
: > "$tmp/union.nq"
for k in 0 1 2 3; do "$bin" -q -f nquads --shard $k/4 "$many" "$jl" 2>/dev/null >> "$tmp/union.nq"; done
sort -u "$tmp/union.nq" -o "$tmp/union.nq"
[ -s "$tmp/all.nq" ] && cmp -s "$tmp/all.nq" "$tmp/union.nq" && ok "the union of 4 shards' N-Quads is the one-run N-Quads, as sets" || bad "N-Quads shard union differs"
run 2 "$bin" --shard 3/3 "$many" && ok "bad --shard exits 2" || bad "bad --shard exits 2 (got $code)"

# stdout closed early ends quietly; no progress line when stderr is no terminal.
run 0 sh -c "'$bin' '$many' | head -n 1" && ok "| head ends the run quietly" || bad "| head (got $code)" "$tmp/err"
"$bin" "$corpus/a/y.txt" 2> "$tmp/err2" > /dev/null
grep -q $'\r' "$tmp/err2" && bad "progress line written to a non-terminal" || ok "no progress line when stderr is not a terminal"
has "$tmp/err2" "1 read, 1 succeeded, 0 failed, 0 skipped" && ok "summary on stderr" || bad "summary" "$tmp/err2"
run 0 "$bin" -q "$corpus/a/y.txt" && [ ! -s "$tmp/err" ] && ok "--quiet prints no summary" || bad "--quiet" "$tmp/err"

finish
