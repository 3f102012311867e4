# label: vulnerable sql
from flask import Flask, request
from app.db import cursor

app = Flask(__name__)

@app.route("/items")
def items():
    if request.args.get("mine"):
        owner = request.cookies.get("user")
    else:
        owner = "public"
    cursor.execute("SELECT * FROM items WHERE owner = '" + owner + "'")
    return {"items": cursor.fetchall()}
