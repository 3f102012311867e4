import sqlite3
import sys

from flask import Flask, request

app = Flask(__name__)
db = sqlite3.connect("app.db")


@app.route("/users")
def find_user():
    name = request.args.get("name", "")
    # expect: py-sql-injection-string-built
    query = "SELECT id, email FROM users WHERE name = '%s'" % name
    cur = db.cursor()
    # expect: py-taint-sql
    cur.execute(query)
    return str(cur.fetchall())


def order_clause(column):
    return "ORDER BY " + column


@app.route("/products")
def products():
    sort = request.args["sort"]
    # expect: py-sql-injection-string-built
    sql = "SELECT * FROM products " + order_clause(sort)
    # expect: py-taint-sql
    return str(db.execute(sql).fetchall())


def purge(table):
    cur = db.cursor()
    # expect: py-taint-sql, py-sql-injection-execute
    cur.executescript(f"DELETE FROM {table};")


if __name__ == "__main__":
    purge(sys.argv[1])
