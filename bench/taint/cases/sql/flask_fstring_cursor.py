# label: vulnerable sql
from flask import Flask, request
from db import get_connection

app = Flask(__name__)

@app.route("/search")
def search():
    term = request.args["q"]
    cur = get_connection().cursor()
    cur.execute(f"SELECT * FROM items WHERE title LIKE '%{term}%'")
    return {"items": cur.fetchall()}
