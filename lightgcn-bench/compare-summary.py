"""Summary of compare-reference.sh: medians of ours and of the PyTorch reference over all rounds, and the ratios.
Usage: compare-summary.py DIR [DIR ...]   (several output folders of the same session are pooled)"""
import glob, json, re, statistics, sys

dirs = sys.argv[1:]

def jmh(pattern, scale):
    """All measurement iterations of the JMH JSON files matching pattern, in seconds."""
    values = []
    for f in sorted(f for d in dirs for f in glob.glob(f"{d}/{pattern}")):
        for b in json.load(open(f)):
            values += [v * scale for v in b["primaryMetric"]["rawData"][0]]
    return values

def ref(pattern, key, skip_first=False):
    values = []
    for f in sorted(f for d in dirs for f in glob.glob(f"{d}/{pattern}")):
        found = [float(m) for m in re.findall(rf"{key}=([0-9.]+)", open(f).read())]
        values += found[1:] if skip_first else found
    return values

gowalla_batches = 396
rows = [
    ("Gowalla training epoch (s)", jmh("ours-gowalla-*.json", 1e-3),
     [s * gowalla_batches for s in ref("ref-gowalla-*.txt", "s_per_batch")]),
    ("MAL split training epoch (s)", jmh("ours-mal-*.json", 1e-3), ref("ref-mal-*.txt", "train_s", skip_first=True)),
    ("Gowalla full-ranking evaluation, 29,858 users (s)", jmh("ours-eval-*.json", 1.0), ref("ref-gowalla-*.txt", "eval_s")),
]
print("| work | lightgcn-java median (n) | PyTorch reference median (n) | ratio |")
print("|---|---|---|---|")
for name, ours, theirs in rows:
    if not ours or not theirs:
        print(f"| {name} | {len(ours)} values | {len(theirs)} values | — |")
        continue
    o, t = statistics.median(ours), statistics.median(theirs)
    print(f"| {name} | {o:.3f} ({len(ours)}) | {t:.3f} ({len(theirs)}) | **{t / o:.1f}x** |")
print()
print("values, ours:", {n: [round(v, 3) for v in o] for n, o, _ in rows})
print("values, reference:", {n: [round(v, 3) for v in t] for n, _, t in rows})
