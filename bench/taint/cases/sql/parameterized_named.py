# label: safe sql
from flask import Flask, request
from app.db import cursor

app = Flask(__name__)

@app.route("/search")
def search():
    term = request.args["q"]
    cursor.execute("SELECT * FROM items WHERE title LIKE %(term)s", {"term": f"%{term}%"})
    return {"items": cursor.fetchall()}
