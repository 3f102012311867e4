# label: vulnerable sql
import os
import sqlite3

def purge_cache():
    table = os.environ.get("CACHE_TABLE", "cache")
    conn = sqlite3.connect("app.db")
    conn.execute("DELETE FROM " + table)
    conn.commit()
