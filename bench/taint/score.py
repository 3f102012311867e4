#!/usr/bin/python3
"""Scores copilot's security findings on the labeled taint suite.

Every file under cases/<class>/ starts with a label line such as
`# label: vulnerable sql` or `// label: safe xss`. A vulnerable case counts as
detected (TP) when any security finding with one of the class's CWEs is
reported in it; a safe case with such a finding is a false positive.

Three configurations are compared, all with the security agent only:
  pattern  taint rules disabled (what the pattern rules alone find)
  both     every rule on, as shipped
  taint    taint rules on, and the pattern rules they supersede disabled

Usage: bench/taint/score.py [--copilot PATH] [--mode pattern|both|taint|all] [--misses]
"""
import argparse
import collections
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CASES = os.path.join(HERE, "cases")

CWES = {
    "sql": {"CWE-89"},
    "command": {"CWE-78", "CWE-77"},
    "code": {"CWE-94", "CWE-95"},
    "path": {"CWE-22", "CWE-23", "CWE-73"},
    "deserialization": {"CWE-502"},
    "xss": {"CWE-79", "CWE-80"},
    "redirect": {"CWE-601"},
    "ssrf": {"CWE-918"},
    "xpath": {"CWE-643"},
    "ldap": {"CWE-90"},
    "xxe": {"CWE-611"},
    "trust-boundary": {"CWE-501"},
}


def read_cases():
    cases = {}
    for path in sorted(glob.glob(os.path.join(CASES, "*", "*"))):
        with open(path, encoding="utf-8") as fh:
            first = fh.readline()
        m = re.match(r"\s*(?:#|//)\s*label:\s*(vulnerable|safe)\s+(\S+)", first)
        if not m:
            sys.exit(f"{path}: first line must be '# label: vulnerable|safe <class>'")
        label, cls = m.group(1), m.group(2)
        if cls not in CWES:
            sys.exit(f"{path}: unknown class {cls}")
        rel = os.path.relpath(path, CASES)
        if rel.split(os.sep)[0] != cls:
            sys.exit(f"{path}: class {cls} does not match its folder")
        cases[rel.replace(os.sep, "/")] = (label, cls)
    return cases


def rule_ids():
    """Taint rule ids and the pattern rules they supersede."""
    taint, superseded = [], []
    for path in glob.glob(os.path.join(ROOT, "rules", "*", "*", "*-taint-*.yaml")):
        text = open(path, encoding="utf-8").read()
        m = re.search(r"^id:\s*(\S+)", text, re.M)
        if m:
            taint.append(m.group(1))
        s = re.search(r"^supersedes:\s*\[(.*)\]", text, re.M)
        if s:
            superseded += [x.strip() for x in s.group(1).split(",") if x.strip()]
    return sorted(taint), sorted(set(superseded))


def run(copilot, disable, min_confidence=0.0):
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as cfg:
        cfg.write("review:\n  disable: [" + ", ".join(disable) + "]\n")
    try:
        out = subprocess.run(
            [copilot, "--config", cfg.name, "review", "--all", "--agents", "security", "--format", "json",
             "--min-confidence", str(min_confidence)],
            cwd=CASES, capture_output=True, text=True)
    finally:
        os.unlink(cfg.name)
    if out.returncode not in (0, 1):
        sys.exit(f"copilot failed ({out.returncode}): {out.stderr}")
    return json.loads(out.stdout)


def score(cases, report):
    found = collections.defaultdict(set)
    for f in report["findings"]:
        # Paths are relative to the repository root when the suite lives in one.
        path = f["location"]["file"]
        rel = path.split("cases/", 1)[1] if "cases/" in path else path
        found[rel].update(f.get("cwe", []))
    stats = collections.defaultdict(collections.Counter)
    misses = []
    for rel, (label, cls) in cases.items():
        hit = bool(found.get(rel, set()) & CWES[cls])
        key = {("vulnerable", True): "tp", ("vulnerable", False): "fn", ("safe", True): "fp",
               ("safe", False): "tn"}[(label, hit)]
        stats[cls][key] += 1
        if key in ("fn", "fp"):
            misses.append((key.upper(), rel))
    return stats, misses


def ratio(a, b):
    return f"{a / b:.2f}" if b else "-"


def table(stats):
    lines = ["| class | cases | TP | FP | FN | TN | precision | recall |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    total = collections.Counter()
    for cls in sorted(stats):
        s = stats[cls]
        total.update(s)
        n = sum(s.values())
        lines.append(f"| {cls} | {n} | {s['tp']} | {s['fp']} | {s['fn']} | {s['tn']} | "
                     f"{ratio(s['tp'], s['tp'] + s['fp'])} | {ratio(s['tp'], s['tp'] + s['fn'])} |")
    n = sum(total.values())
    lines.append(f"| **overall** | {n} | {total['tp']} | {total['fp']} | {total['fn']} | {total['tn']} | "
                 f"**{ratio(total['tp'], total['tp'] + total['fp'])}** | "
                 f"**{ratio(total['tp'], total['tp'] + total['fn'])}** |")
    return "\n".join(lines), total


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copilot", default=os.environ.get("COPILOT", os.path.join(ROOT, "build", "copilot")))
    ap.add_argument("--cases", default=CASES, help="suite directory (default: cases/ beside this script)")
    ap.add_argument("--mode", default="all", choices=["pattern", "both", "shipped", "taint", "all"])
    ap.add_argument("--misses", action="store_true", help="list false positives and false negatives")
    args = ap.parse_args()
    args.copilot = os.path.abspath(args.copilot)

    cases = read_cases()
    taint, superseded = rule_ids()
    # "shipped": everything on, reported at --min-confidence 0.5 (superseded pattern rules are capped below it).
    configs = {"pattern": (taint, 0.0), "both": ([], 0.0), "shipped": ([], 0.5), "taint": (superseded, 0.0)}
    modes = list(configs) if args.mode == "all" else [args.mode]
    by_lang = collections.Counter(os.path.splitext(c)[1] for c in cases)
    print(f"{len(cases)} cases (" + ", ".join(f"{n} {ext}" for ext, n in sorted(by_lang.items())) + ")\n")
    summary = []
    for mode in modes:
        stats, misses = score(cases, run(args.copilot, *configs[mode]))
        text, total = table(stats)
        print(f"### {mode}\n\n{text}\n")
        summary.append((mode, total))
        if args.misses:
            for kind, rel in sorted(misses):
                print(f"- {kind} {rel}")
            print()
    if len(summary) > 1:
        print("| configuration | precision | recall |\n|---|---:|---:|")
        for mode, t in summary:
            print(f"| {mode} | {ratio(t['tp'], t['tp'] + t['fp'])} | {ratio(t['tp'], t['tp'] + t['fn'])} |")


if __name__ == "__main__":
    main()
