import re

ORDER_ID = re.compile(r"order-(\d+)")


def extract_ids(lines, prefixes):
    ids = []
    for line in lines:
        match = ORDER_ID.search(line)
        if match:
            ids.append(int(match.group(1)))
    by_prefix = [re.compile(f"^{re.escape(p)}") for p in prefixes]
    comment = re.compile("^#")
    return ids, by_prefix, [comment.match(line) for line in lines]
