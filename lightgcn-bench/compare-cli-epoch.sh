#!/usr/bin/env bash
# The command line's MAL epoch against the PyTorch reference's, as a user meets them: each round runs the README's
# `./lightgcn train` on the MAL split (500 epochs, evaluation every 10; its "median epoch") and the reference's
# training (epochs 2-6 of 6), interleaved in one session; the summary gives the medians over all rounds, the ratio
# and each round's ratio, with the load at each step. Optionally also other checkouts' launchers (OTHERS="dir ...",
# e.g. a checkout of the commit before a change), run in the same rounds.
# Usage: lightgcn-bench/compare-cli-epoch.sh [output-dir] [rounds]   (about 1.5 minutes a round and launcher)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-cli-compare}
ROUNDS=${2:-3}
SHARED=${LIGHTGCN_SHARED:-../shared}
PY=${PYTHON:-/usr/bin/python3}
M=$SHARED/data/mal/split
LAUNCHERS=("$PWD" ${OTHERS:-})
mkdir -p "$OUT"
./lightgcn train --help > /dev/null # builds the jar first when a source is newer
for r in $(seq 1 "$ROUNDS"); do
  for dir in "${LAUNCHERS[@]}"; do
    name=$(basename "$dir")
    echo "$(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg) ours $name round $r" | tee -a "$OUT/load.txt"
    "$dir/lightgcn" train --train "$M/train.csv" --val "$M/val.csv" --test "$M/test.csv" --format csv --sampler edge \
      --seed 2020 --epochs 500 --eval-every 10 --patience 0 > "$OUT/ours-$name-$r.txt" 2>&1
  done
  echo "$(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg) reference round $r" | tee -a "$OUT/load.txt"
  $PY "$SHARED/reference/torch_lightgcn.py" --train "$M/train.csv" --val "$M/val.csv" --test "$M/test.csv" --format csv \
    --epochs 6 --eval-every 1000 --sampling interaction --threads 2 --seed 2020 > "$OUT/ref-$r.txt" 2>&1
done
echo "$(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg) end" | tee -a "$OUT/load.txt"
$PY - "$OUT" <<'SUMMARY' | tee "$OUT/summary.md"
import glob, re, statistics, sys
out = sys.argv[1]
def ref(path):  # the reference's epochs 2-6 (the first one warms up)
    return [float(v) for v in re.findall(r"train_s=([0-9.]+)", open(path).read())][1:]
def ours(path):
    m = re.search(r"median epoch ([0-9.]+) s", open(path).read())
    return float(m.group(1)) if m else None
rounds = sorted({int(re.search(r"-(\d+)\.txt$", f).group(1)) for f in glob.glob(f"{out}/ref-*.txt")})
names = sorted({re.match(r"ours-(.+)-\d+\.txt$", f.split("/")[-1]).group(1) for f in glob.glob(f"{out}/ours-*.txt")})
theirs = [v for r in rounds for v in ref(f"{out}/ref-{r}.txt")]
print("| launcher | ours: median epoch per round (s) | median | reference median (s) | ratio | per round |")
print("|---|---|---|---|---|---|")
for name in names:
    mine = [ours(f"{out}/ours-{name}-{r}.txt") for r in rounds]
    per = [f"{statistics.median(ref(f'{out}/ref-{r}.txt')) / m:.1f}x" for r, m in zip(rounds, mine) if m]
    o, t = statistics.median([m for m in mine if m]), statistics.median(theirs)
    print(f"| {name} | {' / '.join(f'{m:.3f}' for m in mine if m)} | {o:.3f} | {t:.3f} ({len(theirs)} epochs) "
          f"| **{t / o:.2f}x** | {' / '.join(per)} |")
SUMMARY
