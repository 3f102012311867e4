# label: safe sql
from flask import Flask, request
from app.db import cursor

app = Flask(__name__)

@app.route("/page")
def page():
    offset = request.args.get("offset", 0, type=int)
    cursor.execute("SELECT * FROM posts LIMIT 20 OFFSET %s" % offset)
    return {"rows": cursor.fetchall()}
