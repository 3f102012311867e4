#!/usr/bin/env python3
"""Traffic through the load balancer. `split URL N VERSION` sends N requests and
prints the percentage answered by VERSION; `check URL N VERSION WEIGHT LOG` is a
release gate that checks the split; `load URL SECONDS RPS` keeps a
steady load (so Prometheus sees rates) until killed or SECONDS pass."""
import sys
import time
import urllib.error
import urllib.request


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode().strip()
    except urllib.error.HTTPError as e:
        return e.read().decode().strip()
    except Exception:
        return "error"


def split(url, n, version):
    hits = sum(1 for _ in range(n) if get(url) == version)
    print("%.1f" % (100.0 * hits / n))


def check(url, n, version, weight, log):
    """Exit 0 when VERSION answers WEIGHT% of N requests, give or take 5 points."""
    hits = sum(1 for _ in range(n) if get(url) == version)
    seen = 100.0 * hits / n
    with open(log, "a") as f:
        f.write("%s %s %.1f\n" % (version, weight, seen))
    print("%s answered %.1f%% (expected %s%%)" % (version, seen, weight))
    sys.exit(0 if abs(seen - float(weight)) <= 5.0 else 1)


def load(url, seconds, rps):
    end = time.time() + seconds
    while time.time() < end:
        start = time.time()
        get(url)
        time.sleep(max(0.0, 1.0 / rps - (time.time() - start)))


if __name__ == "__main__":
    if sys.argv[1] == "split":
        split(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    elif sys.argv[1] == "check":
        check(sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6])
    else:
        load(sys.argv[2], float(sys.argv[3]), float(sys.argv[4]))
