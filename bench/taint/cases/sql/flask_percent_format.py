# label: vulnerable sql
import sqlite3
from flask import Flask, request

app = Flask(__name__)

@app.route("/user")
def user():
    uid = request.args.get("id")
    conn = sqlite3.connect("app.db")
    rows = conn.execute("SELECT name FROM users WHERE id = '%s'" % uid).fetchall()
    return str(rows)
