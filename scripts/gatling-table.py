#!/usr/bin/env python3
"""Prints the statistics table of a Gatling HTML report as Markdown (docs/benchmarks.md).

    scripts/gatling-table.py target/gatling/loadsimulation-<stamp>
"""
import html, re, sys

page = open(sys.argv[1] + '/index.html', encoding='utf-8').read()
body = page[page.find('id="container_statistics_body"') if 'container_statistics_body' in page else page.find('All Requests') - 2000:]
rows = re.findall(r'class="ellipsed-name">([^<]+)</span>(.*?)</tr>', body, re.S)
print('| request | total | KO | req/s | p50 ms | p95 ms | p99 ms | max ms |')
print('|---|---|---|---|---|---|---|---|')
seen = set()
for name, rest in rows:
    cells = [html.unescape(c).strip() for c in re.findall(r'<td[^>]*>([^<]*)</td>', rest)]
    cells = [c for c in cells if c != '']
    if name in seen or len(cells) < 12:
        continue
    seen.add(name)
    total, ok, ko, pct_ko, rate, mn, p50, p75, p95, p99, mx = cells[:11]
    print(f'| {name} | {total} | {ko} | {rate} | {p50} | {p95} | {p99} | {mx} |')
