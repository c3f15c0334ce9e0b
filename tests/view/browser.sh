#!/usr/bin/env bash
# The HTML review page in a real browser: the contract's example article,
# every sample, a 200-document batch and an article full of markup are
# rendered by newsgraph and opened in headless Chromium (tests/view/review.mjs
# says what is checked). The screenshot of one sample is left in OUT.
# Usage: browser.sh NEWSGRAPH SOURCE_DIR JS_DIR OUT_DIR
# Exits 77 (skipped) when Chromium is missing, unless
# NEWSGRAPH_REQUIRE_VIEW=1 (as in CI), where that is a failure.
set -u
bin=$1 src=$2 js=$3 out=$4
chromium=${CHROMIUM:-/usr/bin/chromium}
. "$(dirname "$0")/../checks.sh"
[ -x "$chromium" ] || skip "no Chromium at $chromium (apt-get install chromium)" NEWSGRAPH_REQUIRE_VIEW
if [ ! -d "$js/node_modules/playwright-core" ]; then
  echo "FAIL: playwright-core is not installed in $js (the js_setup test installs it)"
  exit 1
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
src=$(cd "$src" && pwd)
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
rm -f "$out"/*.html "$out"/*.jsonl
cp "$src/tests/view/review.mjs" "$js/"

ex="$src/tests/contract/example-article.txt"
"$bin" -q -f html "$ex" > "$out/example.html" &&
"$bin" -q "$ex" > "$out/example.jsonl" || { echo "FAIL: newsgraph on the example"; exit 1; }
for f in "$src"/samples/*.txt; do
  name=$(basename "$f" .txt)
  # From the source folder, so that pages are titled samples/NAME.txt.
  (cd "$src" && "$bin" -q -f html "samples/$name.txt") > "$out/$name.html" &&
    "$bin" -q "$f" > "$out/$name.jsonl" || { echo "FAIL: newsgraph on $f"; exit 1; }
done

# 200 documents: the samples with the people and companies renamed, as
# JSON Lines with ids, in one page.
python3 - "$src/samples" > "$out/batch-input.jsonl" <<'PY'
import json, pathlib, sys
samples = sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))
first = ["Laura", "Tomas", "Ines", "Kwame", "Mei", "Oskar", "Priya", "Rafael", "Sofia", "Yusuf"]
last = ["Stein", "Okoro", "Lindqvist", "Tanaka", "Moreau", "Castillo", "Novak", "Haddad"]
for i in range(200):
    text = samples[i % len(samples)].read_text(encoding="utf-8")
    text = text.replace("Carla Mendes", f"{first[i % 10]} {last[i % 8]}")
    text = text.replace("Juniper Foods", f"Juniper{i} Foods")
    print(json.dumps({"id": f"batch-{i:03d}", "headline": f"Batch article {i}", "text": text}))
PY
"$bin" -q -j2 -f html "$out/batch-input.jsonl" > "$out/batch.html" &&
"$bin" -q -j2 "$out/batch-input.jsonl" > "$out/batch.jsonl" || { echo "FAIL: newsgraph on the batch"; exit 1; }

printf '%s\n' 'Quartz Ltd. named "Laura Stein" president <script>window.__hit = 1; alert(1)</script>.' \
  'Its revenue rose 5% <img src=x onerror=alert(2)> & more.' > "$out/markup.txt"
"$bin" -q -f html --headline '<b onmouseover=alert(3)>Markup</b>' "$out/markup.txt" > "$out/markup.html" ||
  { echo "FAIL: newsgraph on markup"; exit 1; }

python3 - "$out" > "$out/cases.json" <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
cases = [{
    "name": "contract example", "page": str(out / "example.html"), "jsonld": str(out / "example.jsonl"),
    "marks": [["e-person", "Maria Chen"], ["e-organization", "Northwind Holdings Ltd."],
              ["e-role", "chief executive officer"], ["e-percent", "18%"], ["e-money", "4.2 billion yuan"],
              ["e-date", "March 3, 2025"]],
}]
for page in sorted(out.glob("*.html")):
    if page.stem in ("example", "batch", "markup"): continue
    case = {"name": f"sample {page.stem}", "page": str(page), "jsonld": str(out / f"{page.stem}.jsonl")}
    if page.stem == "newswire": case["screenshot"] = str(out / "review-page.png")
    cases.append(case)
cases.append({"name": "200-document batch", "page": str(out / "batch.html"),
              "jsonld": str(out / "batch.jsonl"), "sections": 200})
cases.append({"name": "markup in an article", "page": str(out / "markup.html"),
              "xss": "<script>window.__hit = 1; alert(1)</script>",
              "marks": [["e-person", "Laura Stein"]]})
print(json.dumps(cases, indent=1))
PY
cd "$js" && node review.mjs "$out/cases.json"
