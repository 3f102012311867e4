import os
import tempfile


def write_report(data: bytes) -> str:
    fd, path = tempfile.mkstemp(suffix=".pdf")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    return path


def scratch():
    return tempfile.mkdtemp()


def named():
    return tempfile.NamedTemporaryFile(delete=False)
