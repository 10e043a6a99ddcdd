#!/usr/bin/env bash
# Runs every measurement of BENCHMARKS.md in one session on this machine: the JMH suite, the PyTorch reference
# (training, full-ranking evaluation, propagation) and the heap report. Build first, from the repo root:
#   mvn -q package -pl lightgcn-bench -am -DskipTests
# Usage: lightgcn-bench/run-benchmarks.sh [output-dir]   (about 35 minutes; logs and JMH JSON go to output-dir)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-bench-results}
SHARED=${LIGHTGCN_SHARED:-../shared}   # the benchmarks read ../shared/data relative to the repo root
source ./find-java.sh   # the JDK finder ./lightgcn uses; cwd is the repo root
if ! JAVA="$(find_java)"; then
  echo "run-benchmarks.sh: the benchmarks need JDK $required or later; none found (JAVA_HOME, PATH, /usr/lib/jvm)" >&2
  exit 2
fi
PY=${PYTHON:-/usr/bin/python3}
REF=$SHARED/reference/torch_lightgcn.py
G=$SHARED/data/gowalla
M=$SHARED/data/mal/split
mkdir -p "$OUT"

echo "== JMH"
$JAVA -jar lightgcn-bench/target/benchmarks.jar -rf json -rff "$OUT/jmh.json" 2>&1 | tee "$OUT/jmh.txt"

# Gowalla: the first 120 s of batches (s_per_batch x 396 batches = s/epoch; a whole epoch takes many minutes when
# the machine is shared), then one full-ranking evaluation of all test users (eval_s)
echo "== PyTorch reference: Gowalla, 120 s of training + one full-ranking evaluation"
$PY "$REF" --train $G/train.txt --test $G/test.txt --format adj --epochs 1 --time-budget 120 \
  --sampling interaction --threads 2 --seed 2020 | tee "$OUT/ref-gowalla.txt"
echo "== PyTorch reference: MAL split, 5 epochs + one evaluation"
$PY "$REF" --train $M/train.csv --val $M/val.csv --test $M/test.csv --format csv --epochs 5 --eval-every 1000 \
  --sampling interaction --threads 2 --seed 2020 | tee "$OUT/ref-mal.txt"
echo "== PyTorch reference: Gowalla 3-layer propagation"
$PY "$REF" --train $G/train.txt --test $G/test.txt --format adj --bench-propagation --threads 2 | tee "$OUT/ref-prop.txt"

echo "== heap of Gowalla training, -Xmx at the issue's budget (4 x (embeddings + Adam + graph) = 300 MB)"
$JAVA --add-modules jdk.incubator.vector -XX:+UseTransparentHugePages -Xmx300m \
  -cp lightgcn-bench/target/benchmarks.jar io.github.lightgcn.bench.HeapReport 2 2 2>&1 | tee "$OUT/heap.txt"
