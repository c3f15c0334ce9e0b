#!/usr/bin/env bash
# Installs the JSON-LD, SHACL and SPARQL tools the RDF tests use, and
# playwright-core for the browser test (npm packages
# pinned by tests/js/package-lock.json) into DEST, once.
# Exits 77 (skipped) when node or npm is missing, unless NEWSGRAPH_REQUIRE_JS=1
# (as in CI), where that is a failure.
set -u
src=$(cd "$(dirname "$0")" && pwd)
dest=$1
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "SKIPPED: node and npm are needed for the RDF tests (apt-get install nodejs npm)"
  [ "${NEWSGRAPH_REQUIRE_JS:-0}" = 1 ] && exit 1
  exit 77
fi
mkdir -p "$dest"
cp "$src/package.json" "$src/package-lock.json" "$src/rdfcheck.mjs" "$dest/"
if [ -d "$dest/node_modules/jsonld" ] && [ -d "$dest/node_modules/oxigraph" ] &&
   [ -d "$dest/node_modules/playwright-core" ]; then
  echo "npm packages already installed in $dest"
  exit 0
fi
if ! (cd "$dest" && npm ci --no-audit --no-fund --loglevel=error); then
  echo "npm ci failed in $dest"
  [ "${NEWSGRAPH_REQUIRE_JS:-0}" = 1 ] && exit 1
  exit 77
fi
echo "npm packages installed in $dest"
