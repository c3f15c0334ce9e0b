#!/usr/bin/env bash
# Does time grow linearly with the size of one document? Generates
# adversarial single documents at each size (default 1, 2, 4, 8 MB) and
# prints seconds per MB and peak RSS for each. A time per MB that climbs
# with the size is a super-linear stage: profile it with
#   perf record build/newsgraph --max-doc-bytes 200000000 FILE >/dev/null
# Kinds:
#   soup      the words of people, roles, companies, mergers and figures
#             in random order: thousands of repeated and overlapping facts
#   sentences one-word sentences ("Word. Word. ...")
#   names     one sentence listing person names, comma-separated
#   line      one line of a single letter, no spaces
#   companies a distinct company names a distinct person president in each
#             sentence: tens of thousands of names to tell apart
#   pronouns  short sentences whose "it", "its" and "the company" refer
#             back, and relations about the company in context, with no
#             company named at all
# usage: tests/bench/scaling.sh [NEWSGRAPH] [SIZES_MB...]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$here/build/newsgraph}
shift || true
sizes=${*:-1 2 4 8}
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)"; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '%-10s %6s %9s %8s %9s\n' kind MB seconds s/MB 'RSS MB'
for kind in soup sentences names line companies pronouns; do
  for mb in $sizes; do
    python3 - "$kind" "$mb" "$work/in.txt" <<'PY'
import random, sys
kind, mb, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
target = mb * 1000 * 1000
random.seed(7)
words = ["Mary", "Chen", "chief", "executive", "of", "Northwind", "Corp", "said",
         "sales", "grew", "41%", "to", "$7.5", "million", ".", '"', "(", ")",
         "Ltd.", "merged", "into", "She", "he", "\u201c", "\u2019s", "1688", "--",
         "U.K.", "acquire", "appointed", "as", "head", "former"]
parts, n = [], 0
while n < target:
    if kind == "soup":
        w = random.choice(words) + " "
    elif kind == "sentences":
        w = "Word. "
    elif kind == "names":
        w = "Anna Lee%d Park, " % (n % 10)
    elif kind == "companies":
        def name():
            return "".join(random.choice("bcdfghklmnprstvz") + random.choice("aeiou")
                           for _ in range(3)).capitalize()
        w = "%s %s Corp named %s %s president. " % (name(), name(), name(), name())
    elif kind == "pronouns":
        w = random.choice(["It rose sharply. ", "Its sales fell 4%. ",
                           "The maker said it named Bo Ek treasurer. ",
                           "Prices rose. ", "The company named Ann Lee president. ",
                           "He said it was fine. "])
    else:
        w = "a" * 4096
    parts.append(w)
    n += len(w.encode())
with open(out, "w", encoding="utf-8") as f:
    f.write("".join(parts))
PY
    /usr/bin/time -f '%e %M' -o "$work/time" \
      "$bin" --max-doc-bytes $(( (mb + 1) * 1000 * 1000 )) -q "$work/in.txt" >/dev/null
    read -r secs kb <"$work/time"
    python3 -c "import sys; k,mb,s,kb=sys.argv[1:]; print('%-10s %6s %9.2f %8.3f %9.0f' % (k, mb, float(s), float(s)/int(mb), int(kb)/1024))" \
      "$kind" "$mb" "$secs" "$kb"
  done
done
