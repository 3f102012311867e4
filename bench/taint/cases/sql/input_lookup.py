# label: vulnerable sql
import sqlite3

conn = sqlite3.connect("library.db")
title = input("Title: ")
for row in conn.execute("SELECT author FROM books WHERE title = \"%s\"" % title):
    print(row[0])
