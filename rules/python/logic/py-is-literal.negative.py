MISSING = object()


def classify(status, code, flag=MISSING):
    if status == "active":
        return "ok"
    if code != 404 and code is not None:
        return "error"
    if flag is MISSING or flag is True:
        return "default"
    return "gone" if code == -1 else "unknown"
