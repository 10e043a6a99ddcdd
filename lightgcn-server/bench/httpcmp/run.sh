#!/usr/bin/env bash
# The HTTP library comparison behind the choice of Javalin (BENCHMARKS.md, "Choosing the HTTP library"): the same
# endpoint on Javalin 7.2.3 and on Helidon SE 4.5.0, each computing 10,000 dot products of 64 floats per request
# (Work.score; make it return a constant for the tiny endpoint), wrk -t1 -c16 -d8s x 3 after a warm-up.
# A standalone Maven project, not part of the build: lightgcn-server/bench/httpcmp/run.sh
set -euo pipefail
cd "$(dirname "$0")"
root="$(cd ../../.. && pwd)"
"$root/mvnw" -B -q -f pom.xml dependency:copy-dependencies -DoutputDirectory=target/lib
rm -rf target/classes && mkdir -p target/classes
javac -d target/classes -cp "target/lib/*" src/main/java/cmp/*.java
run() { # NAME CLASS PORT
  java -Xmx512m -cp "target/classes:target/lib/*" "$2" > "target/$1.log" 2>&1 &
  local pid=$!
  sleep 3
  wrk -t1 -c16 -d10s "http://127.0.0.1:$3/api/ping?n=5" > /dev/null
  for i in 1 2 3; do
    echo "$1 run $i: $(wrk -t1 -c16 -d8s --latency "http://127.0.0.1:$3/api/ping?n=5" \
      | grep -E 'Requests/sec|99%|50%|Non-2xx' | tr -s ' ' | tr '\n' ' ')"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
run javalin cmp.JavalinPing 8091
run helidon cmp.HelidonPing 8092
