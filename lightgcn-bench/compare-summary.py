"""Summary of compare-reference.sh: medians of ours and of the PyTorch reference over all rounds, and the ratios.
Usage: compare-summary.py DIR [DIR ...]   (several output folders of the same session are pooled)"""
import glob, json, re, statistics, sys

dirs = sys.argv[1:]

def jmh(pattern, scale, dirs=dirs):
    """All measurement iterations of the JMH JSON files matching pattern, in seconds."""
    values = []
    for f in sorted(f for d in dirs for f in glob.glob(f"{d}/{pattern}")):
        for b in json.load(open(f)):
            values += [v * scale for v in b["primaryMetric"]["rawData"][0]]
    return values

def ref(pattern, key, skip_first=False, dirs=dirs):
    values = []
    for f in sorted(f for d in dirs for f in glob.glob(f"{d}/{pattern}")):
        found = [float(m) for m in re.findall(rf"{key}=([0-9.]+)", open(f).read())]
        values += found[1:] if skip_first else found
    return values

gowalla_batches = 396

def measurements(round="*", dirs=dirs):
    """(work, ours, reference) for the rounds matching round ("*": all)."""
    return [
        ("Gowalla training epoch (s)", jmh(f"ours-gowalla-{round}.json", 1e-3, dirs),
         [s * gowalla_batches for s in ref(f"ref-gowalla-{round}.txt", "s_per_batch", dirs=dirs)]),
        ("MAL split training epoch (s)", jmh(f"ours-mal-{round}.json", 1e-3, dirs),
         ref(f"ref-mal-{round}.txt", "train_s", skip_first=True, dirs=dirs)),
        ("Gowalla full-ranking evaluation, 29,858 users (s)", jmh(f"ours-eval-{round}.json", 1.0, dirs),
         ref(f"ref-gowalla-{round}.txt", "eval_s", dirs=dirs)),
    ]

rows = measurements()
# each round's ratio of medians: shows how much the pooled ratio owes to one noisy round
rounds = sorted({(d, re.search(r"-(\d+)\.json$", f).group(1)) for d in dirs for f in glob.glob(f"{d}/ours-gowalla-*.json")},
                key=lambda dr: (dr[0], int(dr[1])))
per_round = {name: [] for name, _, _ in rows}
for d, r in rounds:
    for name, ours, theirs in measurements(r, [d]):
        if ours and theirs:
            per_round[name].append(f"{statistics.median(theirs) / statistics.median(ours):.1f}x")
print("| work | lightgcn-java median (n) | PyTorch reference median (n) | ratio | per round |")
print("|---|---|---|---|---|")
for name, ours, theirs in rows:
    if not ours or not theirs:
        print(f"| {name} | {len(ours)} values | {len(theirs)} values | — | |")
        continue
    o, t = statistics.median(ours), statistics.median(theirs)
    print(f"| {name} | {o:.3f} ({len(ours)}) | {t:.3f} ({len(theirs)}) | **{t / o:.1f}x** | {' / '.join(per_round[name])} |")
print()
print("values, ours:", {n: [round(v, 3) for v in o] for n, o, _ in rows})
print("values, reference:", {n: [round(v, 3) for v in t] for n, _, t in rows})
