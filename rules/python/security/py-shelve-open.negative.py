import dbm
import sqlite3


def cached_profile(path, key):
    with dbm.open(path, "r") as db:
        return db.get(key)


def open_store(path):
    return sqlite3.connect(path)


def read_config(path):
    with open(path) as fh:
        return fh.read()
