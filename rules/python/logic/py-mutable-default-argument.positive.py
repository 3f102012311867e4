from collections import defaultdict


# expect: py-mutable-default-argument
def add_tag(tag, tags=[]):
    tags.append(tag)
    return tags


# expect: py-mutable-default-argument
def merge(update, base: dict = {}):
    base.update(update)
    return base


def group(rows, key,
          # expect: py-mutable-default-argument
          acc=defaultdict(list)):
    for row in rows:
        acc[row[key]].append(row)
    return acc


# expect: py-mutable-default-argument
def unique(values, seen=set()):
    return [v for v in values if v not in seen]
