#!/usr/bin/env python3
"""Writes a benchmark corpus as JSON Lines: the articles of samples/ and, when
present, of ../shared/corpus (the Reuters development set and the Alibaba
article), repeated until the file holds at least SIZE_MB megabytes, each
copy with its own id (`reuters-00010-1234`).

usage: make_corpus.py OUT SIZE_MB [--whole-rounds]

By default the corpus stops at the first article that reaches the size;
with --whole-rounds it ends after the round of articles that reaches it
(throughput.sh's corpus, so every article is there as often as the others).
"""
import glob
import json
import os
import sys


def articles(here):
    docs = []
    for p in sorted(glob.glob(os.path.join(here, "samples", "*.txt"))):
        docs.append({"id": os.path.basename(p), "text": open(p, encoding="utf-8").read()})
    shared = os.path.join(here, "..", "shared", "corpus")
    jl = os.path.join(shared, "reuters-dev", "articles.jsonl")
    if os.path.exists(jl):
        for line in open(jl, encoding="utf-8"):
            d = json.loads(line)
            docs.append({"id": d["id"], "date": d["date"], "headline": d["headline"], "text": d["text"]})
    ali = os.path.join(shared, "alibaba-ecommerce-group.txt")
    if os.path.exists(ali):
        docs.append({"id": "alibaba", "date": "2024-11-22", "text": open(ali, encoding="utf-8").read()})
    return docs


def main(argv):
    if len(argv) not in (3, 4) or (len(argv) == 4 and argv[3] != "--whole-rounds"):
        sys.exit(__doc__.strip().split("\n\n")[1])
    out, target, whole_rounds = argv[1], float(argv[2]) * 1e6, len(argv) == 4
    docs = articles(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    written, n = 0, 0
    with open(out, "w", encoding="utf-8") as f:
        while written < target:
            for d in docs:
                line = json.dumps(dict(d, id=f"{d['id']}-{n}"), ensure_ascii=False) + "\n"
                f.write(line)
                written += len(line.encode("utf-8"))
                n += 1
                if written >= target and not whole_rounds:
                    break


if __name__ == "__main__":
    main(sys.argv)
