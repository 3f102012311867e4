# label: vulnerable sql
from flask import Flask, request
from app.db import cursor

app = Flask(__name__)

@app.route("/list")
def listing():
    column = request.args.get("sort", "name")
    cursor.execute("SELECT id, name FROM customers ORDER BY " + column)
    return {"rows": cursor.fetchall()}
