import logging

logger = logging.getLogger(__name__)


def load_rows(path):
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rows.append(line.rstrip("\n"))
    # expect: py-print-debug
    print("loaded", len(rows))
    return rows


class Cache:
    def get(self, key):
        value = self._data.get(key)
        # expect: py-print-debug
        print(f"cache hit for {key}: {value!r}")
        return value
