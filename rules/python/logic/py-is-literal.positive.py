def classify(status, code):
    # expect: py-is-literal
    if status is "active":
        return "ok"
    # expect: py-is-literal
    if code is not 404:
        return "error"
    # expect: py-is-literal
    return "gone" if -1 is code else "unknown"
