#!/usr/bin/env bash
# Ours against the PyTorch reference, interleaved in one session so that both see the same machine: each round runs
# our Gowalla epoch, the reference's Gowalla training (120 s of batches) and evaluation, our evaluation, our MAL
# epoch and the reference's MAL epochs; the summary gives medians over all rounds and the ratios. Build first:
#   mvn -q package -pl lightgcn-bench -am -DskipTests
# Usage: lightgcn-bench/compare-reference.sh [output-dir] [rounds]   (about 6 minutes a round)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-bench-compare}
ROUNDS=${2:-3}
SHARED=${LIGHTGCN_SHARED:-../shared}
source ./find-java.sh   # the JDK finder ./lightgcn uses; cwd is the repo root
if ! JAVA="$(find_java)"; then
  echo "compare-reference.sh: the benchmarks need JDK $required or later; none found (JAVA_HOME, PATH, /usr/lib/jvm)" >&2
  exit 2
fi
PY=${PYTHON:-/usr/bin/python3}
REF=$SHARED/reference/torch_lightgcn.py
G=$SHARED/data/gowalla
M=$SHARED/data/mal/split
JMH="$JAVA -jar lightgcn-bench/target/benchmarks.jar"
mkdir -p "$OUT"
for r in $(seq 1 "$ROUNDS"); do
  echo "== round $r $(date +%T), load $(cut -d' ' -f1 /proc/loadavg)"
  $JMH TrainingBenchmark -p dataset=gowalla -p threads=2 -p order=communities -wi 1 -i 3 -rf json -rff "$OUT/ours-gowalla-$r.json" \
    > "$OUT/ours-gowalla-$r.txt" 2>&1
  $PY "$REF" --train $G/train.txt --test $G/test.txt --format adj --epochs 1 --time-budget 120 \
    --sampling interaction --threads 2 --seed 2020 > "$OUT/ref-gowalla-$r.txt" 2>&1
  $JMH EvaluationBenchmark.evaluateAllTestUsers -p threads=2 -rf json -rff "$OUT/ours-eval-$r.json" \
    > "$OUT/ours-eval-$r.txt" 2>&1
  $JMH TrainingBenchmark -p dataset=mal -p threads=2 -p order=communities -rf json -rff "$OUT/ours-mal-$r.json" > "$OUT/ours-mal-$r.txt" 2>&1
  $PY "$REF" --train $M/train.csv --val $M/val.csv --test $M/test.csv --format csv --epochs 6 --eval-every 1000 \
    --sampling interaction --threads 2 --seed 2020 > "$OUT/ref-mal-$r.txt" 2>&1
done
$PY lightgcn-bench/compare-summary.py "$OUT" | tee "$OUT/summary.md"
