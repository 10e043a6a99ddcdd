#!/usr/bin/env python3
"""Pools JMH JSON results of PropagationBenchmark runs: per benchmark and thread count the median of each file's
iterations and of all iterations, and each layer's fraction of readTableSized (the read bound) at the same thread
count (and of readTableSizedEachThreadWhole, a diagnostic, when the files have it). A fraction pools only the files
that have both benchmarks, so files of different benchmark selections can be mixed.
Usage: python3 lightgcn-bench/layer-summary.py layer-1.json layer-2.json ..."""
import json
import statistics
import sys

runs = {}  # (benchmark, threads) -> {file: [iteration values]}
for path in sys.argv[1:]:
    for result in json.load(open(path)):
        key = (result['benchmark'].split('.')[-1], result['params'].get('threads', '?'))
        raw = [x for fork in result['primaryMetric']['rawData'] for x in fork]
        runs.setdefault(key, {}).setdefault(path, []).extend(raw)


def pooled(key, files):
    return statistics.median([x for f in files for x in runs[key][f]])


for key in sorted(runs):
    files = list(runs[key])
    per_file = ' / '.join(f'{statistics.median(runs[key][f]):.2f}' for f in files)
    print(f'{key[0]:28s} threads {key[1]}: median {pooled(key, files):.3f} ms '
          f'(n={sum(len(v) for v in runs[key].values())}; per file {per_file})')

# the bound of the target, then the diagnostic read in which each thread streams the whole table
references = [('readTableSized', 'the read bound'),
              ('readTableSizedEachThreadWhole', 'the whole-table read, each thread (diagnostic, not the bound)')]
for reference, label in references:
    for (name, threads) in sorted(runs):
        read, layer = (reference, threads), (name, threads)
        if not name.startswith('layer') or read not in runs:
            continue
        files = [f for f in runs[layer] if f in runs[read]]
        if not files:
            continue
        by_file = ' / '.join(f'{100 * statistics.median(runs[read][f]) / statistics.median(runs[layer][f]):.0f}%'
                             for f in files)
        print(f'{name:28s} threads {threads}: {100 * pooled(read, files) / pooled(layer, files):.0f}% of {label} '
              f'({len(files)} files; per file {by_file})')
