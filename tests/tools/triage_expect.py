#!/usr/bin/env python3
"""Checks a `copilot triage --format json` report.

Usage:
  triage_expect.py REPORT has FIELD=VALUE...       some group matches every condition
  triage_expect.py REPORT lacks FIELD=VALUE...     no group matches them all
  triage_expect.py REPORT count N FIELD=VALUE...   exactly N groups match
  triage_expect.py REPORT eval EXPRESSION          a Python expression over `r` (the report) is true
  triage_expect.py REPORT same-groups OTHER        both reports hold the same groups

FIELD=VALUE compares the group's field as text (true/false for booleans);
FIELD~VALUE asks for a substring. Prints the report's groups when a check fails.
"""
import json
import sys


def matches(group, conditions):
    for cond in conditions:
        if "~" in cond and ("=" not in cond or cond.index("~") < cond.index("=")):
            field, value = cond.split("~", 1)
            if value not in str(group.get(field, "")):
                return False
            continue
        field, value = cond.split("=", 1)
        actual = group.get(field)
        text = ("true" if actual else "false") if isinstance(actual, bool) else str(actual)
        if text != value:
            return False
    return True


def key(group):
    return (group["fingerprint"], group["kind"], group["tool"], group["test"], group["file"], group["line"],
            group["message"], group["count"])


def show(report):
    for g in report["groups"]:
        print("  group:", json.dumps({k: g[k] for k in ("kind", "tool", "test", "file", "linked", "line", "column",
                                                        "message", "count")}, ensure_ascii=False))


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        report = json.load(f)
    command, args = argv[2], argv[3:]
    groups = report["groups"]
    if command == "has":
        ok = any(matches(g, args) for g in groups)
    elif command == "lacks":
        ok = not any(matches(g, args) for g in groups)
    elif command == "count":
        n = sum(1 for g in groups if matches(g, args[1:]))
        ok = n == int(args[0])
        if not ok:
            print(f"{n} groups match, expected {args[0]}")
    elif command == "eval":
        ok = bool(eval(args[0], {}, {"r": report}))  # noqa: S307 - test expressions written in this repository
    elif command == "same-groups":
        with open(args[0], encoding="utf-8") as f:
            other = json.load(f)
        ok = sorted(map(key, groups)) == sorted(map(key, other["groups"]))
        if not ok:
            print("other report:")
            show(other)
    else:
        print(__doc__)
        return 2
    if not ok:
        print(f"failed: {command} {' '.join(args)}")
        show(report)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
