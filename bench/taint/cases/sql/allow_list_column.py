# label: safe sql
from flask import Flask, request
from app.db import cursor

app = Flask(__name__)
SORTABLE = {"name", "created", "email"}

@app.route("/list")
def listing():
    column = request.args.get("sort", "name")
    if column not in SORTABLE:
        column = "name"
    cursor.execute("SELECT id, name FROM customers ORDER BY " + column)
    return {"rows": cursor.fetchall()}
