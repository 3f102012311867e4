import logging
import sys

logger = logging.getLogger(__name__)


def load_rows(path):
    rows = []
    with open(path, encoding="utf-8") as fh:
        rows.extend(line.rstrip("\n") for line in fh)
    logger.debug("loaded %d rows", len(rows))
    return rows


def warn(msg):
    print(msg, file=sys.stderr)


def pprint(value):
    return repr(value)


def main():
    rows = load_rows(sys.argv[1])
    print(len(rows))


if __name__ == "__main__":
    print("starting")
    main()


def print_summary(rows):
    print(f"{len(rows)} rows")


class Client:
    def __init__(self, debuglevel=0):
        self.debuglevel = debuglevel

    def send(self, line):
        if self.debuglevel > 1:
            print("*put*", repr(line))
        return line
