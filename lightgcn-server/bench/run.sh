#!/usr/bin/env bash
# The service's benchmark (BENCHMARKS.md, "The service"): wrk on loopback against ./lightgcn serve on a model,
# GET /api/recommend (known users, n 10) and POST /api/recommend (5 likes), 3 runs each after a warm-up, and the
# cost of the scoring alone per request (bench/ScoringCost.java, in-process, no HTTP).
#   lightgcn-server/bench/run.sh MODEL [CONNECTIONS] [SECONDS]
# Needs wrk (apt-get install -y wrk). Client and server share the machine.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
model="$(readlink -f "$1")"
connections="${2:-16}"
seconds="${3:-15}"
port=18181
work="$(mktemp -d)"
command -v wrk > /dev/null || { echo "run.sh: wrk is missing (apt-get install -y wrk)" >&2; exit 1; }
source "$root/find-java.sh"
java="$(find_java)"

"$root/lightgcn" --version > /dev/null # builds the jars when needed
cp_jars="$(ls "$root"/examples/target/examples-*.jar | head -1):$root/examples/target/lib/*"
"$java" --add-modules jdk.incubator.vector -cp "$cp_jars" "$here/ScoringCost.java" "$model" "$work" 2>&1 \
  | grep -v '^WARNING: Using incubator'

"$root/lightgcn" serve --model "$model" --port "$port" --watch-seconds 0 > "$work/serve.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/health" > /dev/null && break; sleep 0.2; done

bench() { # KEY LABEL SCRIPT
  USERS="$work/users.txt" LIKES="$work/likes.txt" wrk -t1 -c"$connections" -d5s -s "$here/$3" \
    "http://127.0.0.1:$port" > /dev/null # warm-up
  for run in 1 2 3; do
    USERS="$work/users.txt" LIKES="$work/likes.txt" wrk -t1 -c"$connections" -d"${seconds}s" --latency \
      -s "$here/$3" "http://127.0.0.1:$port" > "$work/$1.$run"
    printf '%s run %d: %s req/s, p50 %s, p99 %s, %s\n' "$2" "$run" \
      "$(awk '/^Requests\/sec/ {print $2}' "$work/$1.$run")" "$(awk '$1 == "50%" {print $2}' "$work/$1.$run")" \
      "$(awk '$1 == "99%" {print $2}' "$work/$1.$run")" "$(grep '^non-2xx' "$work/$1.$run")"
  done
}
echo "wrk -t1 -c$connections -d${seconds}s on loopback; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
bench get "GET  /api/recommend (known user, n 10)" recommend-get.lua
bench post "POST /api/recommend (5 likes, n 10)  " recommend-post.lua
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit 0
