#!/usr/bin/env bash
# Run a throw-away Virtuoso (Debian virtuoso-opensource-7-bin) from a scratch
# folder, bound to 127.0.0.1 only, for end-to-end store tests.
#
#   virtuoso.sh start DIR   -> prints the HTTP base URL (also in DIR/url; the
#                              isql-vt address is in DIR/sql); exit 0 when ready
#   virtuoso.sh stop DIR    -> stops the server whose pid is in DIR/pid
#
# Exit 77 (the "skipped" code of CTest/automake) when virtuoso-t is missing,
# unless NEWSGRAPH_REQUIRE_STORE=1 (then exit 1).
# Anonymous SPARQL UPDATE and Graph Store writes are granted: loopback only!
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[[ $# -eq 2 ]] || usage
cmd=$1
dir=$2

# A loopback TCP port nobody listens on (small race until virtuoso binds it).
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 40000))
    [[ $p == "${1:-}" ]] && continue
    if command -v ss >/dev/null; then
      [[ -z $(ss -Hltn "sport = :$p") ]] && break
    elif ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      break
    fi
  done
  echo "$p"
}

# True while process $1 is a live (not zombie) virtuoso-t; guards against pid reuse.
alive() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  [[ $stat == *"(virtuoso-t) "[!Z]* ]]
}
running() { [[ -s $dir/pid ]] && alive "$(cat "$dir/pid")"; }

start() {
  if ! command -v virtuoso-t >/dev/null || ! command -v isql-vt >/dev/null; then
    echo "SKIPPED: virtuoso-t not installed (apt-get install virtuoso-opensource-7-bin)"
    [[ ${NEWSGRAPH_REQUIRE_STORE:-0} == 1 ]] && exit 1
    exit 77
  fi
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)           # virtuoso wants absolute paths
  if running; then echo "already running in $dir" >&2; exit 1; fi
  local sqlport httpport url pid i
  sqlport=$(free_port)
  httpport=$(free_port "$sqlport")
  url="http://127.0.0.1:$httpport"
  echo "127.0.0.1:$sqlport" >"$dir/sql"  # for isql-vt (bulk loading)

  # Minimal ini: every file in DIR, loopback ports, ~160 MB of buffers.
  cat >"$dir/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $dir/virtuoso.db
ErrorLogFile       = $dir/virtuoso-db.log
LockFile           = $dir/virtuoso.lck
TransactionFile    = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $dir/virtuoso-temp.db
TransactionFile    = $dir/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort         = 127.0.0.1:$sqlport
ServerThreads      = 10
CheckpointInterval = 60
NumberOfBuffers    = 20000
MaxDirtyBuffers    = 15000
DirsAllowed        = ., $dir
DefaultIsolation   = 2

[HTTPServer]
ServerPort           = 127.0.0.1:$httpport
ServerRoot           = $dir
ServerThreads        = 10
MaxClientConnections = 10
KeepAliveTimeout     = 10
EnableRequestTrap    = 0

[SPARQL]
ResultSetMaxRows           = 100000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 60
DefaultQuery               = select distinct ?Concept where {[] a ?Concept} LIMIT 100
EOF

  nohup virtuoso-t +foreground +configfile "$dir/virtuoso.ini" \
    </dev/null >"$dir/virtuoso.log" 2>&1 &
  pid=$!
  echo "$pid" >"$dir/pid"
  echo "$url" >"$dir/url"

  # Wait (<= 60 s) for the SPARQL endpoint; give up early if the server died.
  for ((i = 0; i < 300; i++)); do
    if curl -s --noproxy '*' -o /dev/null --max-time 2 "$url/sparql?query=ASK%7B%7D"; then
      break
    fi
    if ! alive "$pid"; then i=300; break; fi
    sleep 0.2
  done
  if ((i >= 300)); then
    echo "virtuoso failed to start (see $dir/virtuoso.log):" >&2
    tail -n 20 "$dir/virtuoso.log" >&2
    alive "$pid" && stop
    rm -f "$dir/pid"
    exit 1
  fi

  # The anonymous web user "SPARQL" gets write rights; this covers both
  # SPARQL UPDATE on /sparql and PUT/POST/DELETE on /sparql-graph-crud.
  # isql-vt exits 0 even on SQL errors, so grep its output instead; on a
  # re-used DB the grant already exists (U0013), which is fine.
  local out
  out=$(printf 'GRANT SPARQL_UPDATE TO "SPARQL";\n' |
    isql-vt "127.0.0.1:$sqlport" dba dba 2>&1) || true
  if ! grep -q -e 'Done\.' -e 'U0013' <<<"$out"; then
    echo "GRANT failed: $out" >&2
    stop
    exit 1
  fi
  echo "$url"
}

stop() {
  [[ -d $dir ]] || { echo "no such folder: $dir" >&2; exit 1; }
  if ! running; then rm -f "$dir/pid"; return 0; fi
  local pid i
  pid=$(cat "$dir/pid")
  kill -TERM "$pid"
  for ((i = 0; i < 100; i++)); do        # up to 20 s for a clean shutdown
    alive "$pid" || break
    sleep 0.2
  done
  if alive "$pid"; then
    echo "virtuoso ($pid) ignored TERM for 20 s; sending KILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$dir/pid"
}

case $cmd in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
