#!/usr/bin/env bash
# Run a SPARQL SELECT against URL/sparql and print the rows as sorted TSV.
#
#   query.sh URL GRAPH_OR_EMPTY QUERYFILE
#
# GRAPH, when not empty, is sent as default-graph-uri. One line per row, the
# variables in SELECT order, unbound as empty; tab, newline, CR and backslash
# inside values are escaped as \t \n \r \\. No header. Needs curl and python3.
set -euo pipefail

[[ $# -eq 3 ]] || { echo "usage: $0 URL GRAPH_OR_EMPTY QUERYFILE" >&2; exit 2; }
url=$1 graph=$2 qfile=$3
[[ -r $qfile ]] || { echo "cannot read $qfile" >&2; exit 2; }

args=(--data-urlencode "query@$qfile")
[[ -n $graph ]] && args+=(--data-urlencode "default-graph-uri=$graph")

# --fail-with-body: non-zero exit on HTTP >= 400, with the server's message.
body=$(curl -sS --noproxy '*' --fail-with-body \
  -H 'Accept: application/sparql-results+json' "${args[@]}" "$url/sparql") || {
  echo "query failed: $body" >&2
  exit 1
}

python3 "$(dirname "$0")/json_rows.py" <<<"$body"
