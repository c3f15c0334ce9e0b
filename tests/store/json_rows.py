#!/usr/bin/env python3
"""SPARQL 1.1 JSON results on stdin -> sorted TSV on stdout: one line per row,
the variables in SELECT order, unbound as empty; tab, newline, CR and
backslash inside values escaped as \\t \\n \\r \\\\. No header."""
import json, sys

res = json.loads(sys.stdin.read())
names = res["head"]["vars"]
esc = lambda s: s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
rows = ["\t".join(esc(b.get(v, {}).get("value", "")) for v in names)
        for b in res["results"]["bindings"]]
sys.stdout.write("".join(r + "\n" for r in sorted(rows)))
