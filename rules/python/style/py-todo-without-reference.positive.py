def parse_amount(raw):
    # expect: py-todo-without-reference
    # TODO handle thousands separators
    value = raw.strip()
    # expect: py-todo-without-reference
    return float(value)  # FIXME: rounding is wrong for negative values


# expect: py-todo-without-reference
# XXX this assumes UTC
EPOCH_OFFSET = 0
