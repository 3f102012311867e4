# label: safe sql
from datetime import date

from flask import Flask, request
from app.db import cursor

app = Flask(__name__)

@app.route("/today")
def today():
    request.args.get("tz")
    day = date.today().isoformat()
    cursor.execute("SELECT * FROM events WHERE day = '%s'" % day)
    return {"rows": cursor.fetchall()}
