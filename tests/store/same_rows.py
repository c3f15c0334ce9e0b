#!/usr/bin/env python3
"""Exit 0 when a store's rows for one contract query equal the rows the
reference JSON-LD processor reads from the same output.

usage: same_rows.py QUERY.rq STORE.tsv ROWS.txt FAMILY
STORE.tsv: the store's answer, one row per line, variables in SELECT order.
ROWS.txt: rdfcheck.mjs --rows output ("FAMILY {json}" per line).
Numbers compare as numbers; the ?doc column is left out (its IRIs are equal
by construction and stores print them differently).
"""
import json, re, sys
rq, tsv, rows, fam = sys.argv[1:]
names = re.search(r"SELECT\s+(.*?)\s+WHERE", open(rq).read(), re.S).group(1).split()
names = [n.lstrip("?") for n in names]
def norm(v):
    try: return str(float(v)) if v != "" else ""
    except ValueError: return v
store = sorted(tuple(norm(v) for n, v in zip(names, line.rstrip("\n").split("\t")) if n != "doc")
               for line in open(tsv) if line.strip())
ref = []
for line in open(rows):
    f, _, js = line.partition(" ")
    if f != fam: continue
    d = json.loads(js)
    ref.append(tuple(norm(str(d[n])) if n in d else "" for n in names if n != "doc"))
sys.exit(0 if store == sorted(ref) and store else 1)
