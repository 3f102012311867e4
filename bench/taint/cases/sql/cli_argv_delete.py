# label: vulnerable sql
import sqlite3
import sys

def main():
    table = sys.argv[1]
    conn = sqlite3.connect("cache.db")
    conn.executescript("DROP TABLE IF EXISTS " + table + ";")
    conn.commit()

if __name__ == "__main__":
    main()
