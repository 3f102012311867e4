def add_tag(tag, tags=None):
    tags = [] if tags is None else tags
    tags.append(tag)
    return tags


def merge(update, base: dict | None = None, keys=("id", "name"), frozen=frozenset()):
    result = dict(base or {})
    result.update(update)
    return result, keys, frozen


def scale(values, factor=1.0, label="x", limit=len("abc")):
    return [v * factor for v in values], label, limit


def fib(n, _memo={}):
    if n not in _memo:
        _memo[n] = n if n < 2 else fib(n - 1) + fib(n - 2)
    return _memo[n]
