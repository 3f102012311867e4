# label: safe sql
from flask import Flask, request
from app.db import cursor

app = Flask(__name__)
ORDERINGS = {"newest": "created DESC", "oldest": "created ASC"}

@app.route("/feed")
def feed():
    order = ORDERINGS.get(request.args.get("order"), "created DESC")
    cursor.execute("SELECT * FROM posts ORDER BY " + order)
    return {"rows": cursor.fetchall()}
