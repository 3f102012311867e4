# label: safe sql
from flask import Flask, request
from app.db import cursor

app = Flask(__name__)

@app.route("/tags", methods=["POST"])
def tags():
    rows = [(tag,) for tag in request.form.getlist("tag")]
    cursor.executemany("INSERT INTO tags (name) VALUES (%s)", rows)
    return "ok"
