# label: vulnerable sql
import sqlite3
from flask import Flask, request

app = Flask(__name__)

def where_clause(field, value):
    return f"WHERE {field} = '{value}'"

@app.route("/orders")
def orders():
    status = request.args.get("status", "open")
    sql = "SELECT * FROM orders " + where_clause("status", status)
    return str(sqlite3.connect("shop.db").execute(sql).fetchall())
