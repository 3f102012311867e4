#!/usr/bin/env python3
"""Turns a hyperfine --export-json file plus per-tool facts into a Markdown table.

usage: table.py HYPERFINE_JSON FACTS_TSV REFERENCE_NAME
FACTS_TSV lines: name<TAB>peak_rss_kib<TAB>findings<TAB>rules
Ratios are the tool's median wall time divided by the reference's, so a ratio
of 5.0 means the reference is five times faster.
"""
import json
import statistics
import sys


def main() -> None:
    hf_path, facts_path, ref = sys.argv[1:4]
    results = {r["command"]: r for r in json.load(open(hf_path))["results"]}
    facts = {}
    order = []
    for line in open(facts_path):
        name, rss, findings, rules = line.rstrip("\n").split("\t")
        facts[name] = (rss, findings, rules)
        order.append(name)
    ref_median = statistics.median(results[ref]["times"])
    ref_cpu = results[ref]["user"] + results[ref]["system"]
    print("| tool | median wall s | min–max s | ratio vs copilot (wall) | mean CPU s (user+sys) "
          "| ratio vs copilot (CPU) | peak RSS MiB | findings | rules |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name in order:
        r = results[name]
        med = statistics.median(r["times"])
        cpu = r["user"] + r["system"]
        rss, findings, rules = facts[name]
        rss_mib = f"{int(rss) / 1024:.0f}" if rss.isdigit() else "?"
        print(f"| {name} | {med:.3f} | {min(r['times']):.2f}–{max(r['times']):.2f} | {med / ref_median:.2f}× "
              f"| {cpu:.2f} | {cpu / ref_cpu:.2f}× | {rss_mib} | {findings} | {rules} |")


if __name__ == "__main__":
    main()
