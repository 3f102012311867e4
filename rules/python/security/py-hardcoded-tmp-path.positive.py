import logging
import sqlite3
from pathlib import Path


def save_upload(data: bytes, name: str):
    # expect: py-hardcoded-tmp-path
    with open(f"/tmp/uploads/{name}", "wb") as fh:
        fh.write(data)


def cache_db():
    # expect: py-hardcoded-tmp-path
    return sqlite3.connect("/tmp/app-cache.sqlite3")


def configure_logging():
    # expect: py-hardcoded-tmp-path
    logging.basicConfig(filename="/tmp/service.log", level=logging.INFO)


# expect: py-hardcoded-tmp-path
LOCK_FILE = "/var/tmp/worker.lock"


def state_dir():
    # expect: py-hardcoded-tmp-path
    return Path("/dev/shm/state/")
