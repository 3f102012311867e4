# label: vulnerable sql
from flask import Flask, request
from app.db import cursor

app = Flask(__name__)

@app.route("/range")
def date_range():
    start, end = request.args.get("from"), request.args.get("to")
    cursor.execute("SELECT * FROM log WHERE day BETWEEN '%s' AND '%s'" % (start, end))
    return {"rows": cursor.fetchall()}
