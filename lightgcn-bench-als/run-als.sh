#!/usr/bin/env bash
# The Spark MLlib implicit ALS baseline (BENCHMARKS.md, "ALS baseline"), from the checkout's root or anywhere:
#   lightgcn-bench-als/run-als.sh --split mal --grid best --out results/als/mal-best.json
# Builds the module when its jar is missing (./mvnw -Pals with a JDK >= 25, as the project builds), then runs it on
# a JDK 17 or 21, which Spark 4 needs: ALS_JAVA (a java executable) first, else /usr/lib/jvm/*17*, *21*.
# ALS_JAVA_OPTS: JVM options (default -Xmx6g). Every argument goes to the benchmark; --shared defaults to the
# checkout's ../shared.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
jar="$root/lightgcn-bench-als/target/lightgcn-bench-als.jar"
# shellcheck source=../find-java.sh
source "$root/find-java.sh"

if [[ ! -f "$jar" ]]; then
  build_java="$(find_java)" || { echo "run-als: a JDK $required or newer is needed to build" >&2; exit 1; }
  echo "run-als: building (./mvnw -B -q -Pals -pl lightgcn-bench-als -am package -DskipTests) ..." >&2
  (cd "$root" && JAVA_HOME="$(cd "$(dirname "$build_java")/.." && pwd)" \
     MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" \
     ./mvnw -B -q -Pals -pl lightgcn-bench-als -am package -DskipTests -Dmaven.javadoc.skip=true) >&2
fi

run_java="${ALS_JAVA:-}"
if [[ -z "$run_java" ]]; then
  for c in /usr/lib/jvm/*17*/bin/java /usr/lib/jvm/*21*/bin/java; do
    major="$(java_major "$c" 2>/dev/null || true)"
    if [[ -x "$c" && ( "$major" == 17 || "$major" == 21 ) ]]; then run_java="$c"; break; fi
  done
fi
if [[ -z "$run_java" ]]; then
  echo "run-als: Spark 4 runs on Java 17 or 21; none found under /usr/lib/jvm: set ALS_JAVA" >&2
  exit 1
fi

has_shared=false
for a in "$@"; do [[ "$a" == --shared ]] && has_shared=true; done
extra=()
$has_shared || extra=(--shared "$root/../shared")
# shellcheck disable=SC2086
exec "$run_java" ${ALS_JAVA_OPTS:--Xmx6g} -jar "$jar" "${extra[@]}" "$@"
