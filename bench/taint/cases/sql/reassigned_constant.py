# label: safe sql
from flask import Flask, request
from app.db import cursor

app = Flask(__name__)

@app.route("/archive")
def archive():
    year = request.args.get("year")
    year = "2023"
    cursor.execute("SELECT * FROM archive WHERE year = " + year)
    return {"rows": cursor.fetchall()}
