def parse_amount(raw):
    # TODO(#481): handle thousands separators
    value = raw.strip()
    # FIXME PAY-1203 rounding is wrong for negative values
    # TODO(alice): drop once the v1 endpoint is gone
    # TODO see https://tracker.example.com/issues/77
    # FIXME gh-310 remove the fallback
    # todo lists are stored per user
    note = "TODO: this string is not a comment"
    return float(value), note
