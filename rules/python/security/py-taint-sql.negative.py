import sqlite3

from flask import Flask, request

app = Flask(__name__)
db = sqlite3.connect("app.db")
SORTABLE = {"name", "price", "created"}


@app.route("/users")
def find_user():
    name = request.args.get("name", "")
    cur = db.cursor()
    cur.execute("SELECT id, email FROM users WHERE name = ?", (name,))
    return str(cur.fetchall())


@app.route("/products")
def products():
    sort = request.args.get("sort", "name")
    if sort not in SORTABLE:
        sort = "name"
    # expect: py-sql-injection-execute
    return str(db.execute("SELECT * FROM products ORDER BY " + sort).fetchall())


@app.route("/orders")
def orders():
    limit = int(request.args.get("limit", "10"))
    # expect: py-sql-injection-execute
    return str(db.execute("SELECT * FROM orders LIMIT %d" % limit).fetchall())


@app.route("/report")
def report():
    region = request.args.get("region")
    table = "sales_eu"
    debug = False
    if debug:
        table = region
    # expect: py-sql-injection-execute
    return str(db.execute(f"SELECT SUM(total) FROM {table}").fetchall())
