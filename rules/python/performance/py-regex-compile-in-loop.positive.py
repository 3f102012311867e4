import re


def extract_ids(lines):
    ids = []
    for line in lines:
        # expect: py-regex-compile-in-loop
        pattern = re.compile(r"order-(\d+)")
        match = pattern.search(line)
        if match:
            ids.append(int(match.group(1)))
    # expect: py-regex-compile-in-loop
    return ids, [re.compile("^#").match(line) for line in lines]
