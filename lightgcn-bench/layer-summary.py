#!/usr/bin/env python3
"""Pools JMH JSON results of PropagationBenchmark runs: per benchmark and thread count the median of each file's
iterations and of all iterations, and each layer's fraction of readTableSized (the read bound) at the same thread
count. Usage: python3 lightgcn-bench/layer-summary.py layer-1.json layer-2.json ..."""
import json
import statistics
import sys

values, per_file = {}, {}
for path in sys.argv[1:]:
    for result in json.load(open(path)):
        key = (result['benchmark'].split('.')[-1], result['params'].get('threads', '?'))
        raw = [x for fork in result['primaryMetric']['rawData'] for x in fork]
        values.setdefault(key, []).extend(raw)
        per_file.setdefault(key, []).append(statistics.median(raw))

for (name, threads) in sorted(values):
    runs = ' / '.join(f'{m:.2f}' for m in per_file[(name, threads)])
    print(f'{name:28s} threads {threads}: median {statistics.median(values[(name, threads)]):.3f} ms '
          f'(n={len(values[(name, threads)])}; per file {runs})')
for (name, threads) in sorted(values):
    read = ('readTableSized', threads)
    if not name.startswith('layer') or read not in values:
        continue
    pooled = statistics.median(values[read]) / statistics.median(values[(name, threads)])
    by_file = ' / '.join(f'{100 * r / l:.0f}%' for r, l in zip(per_file[read], per_file[(name, threads)]))
    print(f'{name:28s} threads {threads}: {100 * pooled:.0f}% of the read bound (per file {by_file})')
