import tempfile
from tempfile import mktemp


def write_report(data: bytes) -> str:
    # expect: py-tempfile-mktemp
    path = tempfile.mktemp(suffix=".pdf")
    with open(path, "wb") as fh:
        fh.write(data)
    return path


def scratch():
    # expect: py-tempfile-mktemp
    return mktemp()


def spool_file(spool_dir):
    # expect: py-tempfile-mktemp
    return tempfile.mktemp(prefix="job-", dir=spool_dir)
