#!/usr/bin/env bash
# Runs an Apache Jena command-line tool from Debian's libapache-jena-java,
# which ships Jena's jars but not its scripts:
#
#   tests/store/jena.sh tdb2.tdbloader --loc DB all.nq
#   tests/store/jena.sh tdb2.tdbquery --loc DB --results=json 'SELECT ...'
#   tests/store/jena.sh riot --validate all.nq
#
# Debian's jena-core moves Xerces' classes to the package "xerces" but leaves
# their message files under org/apache/jena/ext/xerces, so every command dies
# at start-up with "XSSimpleTypeDecl.applyFacets1 ... internal error". The
# files are copied once to where the classes look for them, in
# ${XDG_CACHE_HOME:-~/.cache}/newsgraph-jena, which also keeps the class path.
# Exits 77 (ctest's "skipped") when java or the jars are missing.
set -euo pipefail
[[ $# -ge 1 ]] || { echo "usage: $0 COMMAND [ARGS...]  (e.g. tdb2.tdbloader --loc DB FILE.nq)" >&2; exit 2; }
core=/usr/share/java/jena-core.jar
if ! command -v java >/dev/null || [[ ! -r $core ]]; then
  echo "SKIPPED: Jena needs java and Debian's libapache-jena-java (apt-get install default-jre-headless libapache-jena-java unzip)" >&2
  exit 77
fi
cache=${XDG_CACHE_HOME:-$HOME/.cache}/newsgraph-jena
if [[ ! -s $cache/classpath || $core -nt $cache/classpath ]]; then
  rm -rf "$cache" && mkdir -p "$cache/fix"
  tmp=$(mktemp -d)
  unzip -q -o "$core" 'org/apache/jena/ext/xerces/*.properties' -d "$tmp"
  (cd "$tmp/org/apache/jena/ext" && find xerces -name '*.properties' -exec cp --parents {} "$cache/fix/" \;)
  rm -rf "$tmp"
  # The jars of Jena and of the packages it depends on; slf4j bindings that
  # clash with each other are left out (Jena logs through slf4j-api).
  pkgs=$(apt-cache depends --recurse --installed --no-recommends --no-suggests --no-conflicts \
           --no-breaks --no-replaces --no-enhances libapache-jena-java 2>/dev/null |
         grep -E '^[a-z0-9].*-java$' | sort -u)
  for p in libapache-jena-java $pkgs; do dpkg -L "$p" 2>/dev/null; done |
    grep -E '^/usr/share/java/[^/]+\.jar$' | grep -vE -- '-[0-9][0-9.]*\.jar$' |
    grep -vE 'log4j-over-slf4j|slf4j-log4j12|slf4j-jdk14|slf4j-simple|slf4j-nop|jcl-over-slf4j|jul-to-slf4j' |
    sort -u | tr '\n' ':' > "$cache/classpath"
fi
exec java -cp "$cache/fix:$(cat "$cache/classpath")" "$@"
