# label: vulnerable sql
from flask import Flask, request
from app.db import cursor

app = Flask(__name__)

@app.route("/track")
def track():
    agent = request.headers.get("User-Agent", "")
    cursor.execute("INSERT INTO visits (agent) VALUES ('%s')" % agent)
    return "ok"
