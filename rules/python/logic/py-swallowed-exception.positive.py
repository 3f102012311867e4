import os


def remove_stale(paths):
    removed = 0
    for path in paths:
        try:
            os.remove(path)
            removed += 1
        # expect: py-swallowed-exception
        except Exception:
            pass
    return removed


def parse_all(rows, parse):
    out = []
    for row in rows:
        try:
            out.append(parse(row))
        # expect: py-swallowed-exception
        except (ValueError, Exception) as exc:
            continue  # skip bad rows
    return out
