# label: safe sql
from flask import Flask, request
from app.db import cursor

app = Flask(__name__)

@app.route("/limits")
def limits():
    num = 10
    limit_clause = "LIMIT 50"
    if 7 * 18 + num > 200:
        limit_clause = "LIMIT " + request.args.get("limit", "50")
    cursor.execute("SELECT * FROM events " + limit_clause)
    return {"rows": cursor.fetchall()}
