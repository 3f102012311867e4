# label: safe sql
from flask import Flask, request
from app.db import cursor

app = Flask(__name__)

@app.route("/stats")
def stats():
    verbose = request.args.get("verbose")
    query = "SELECT COUNT(*) FROM users"
    cursor.execute(query)
    count = cursor.fetchone()[0]
    return {"count": count, "verbose": bool(verbose)}
