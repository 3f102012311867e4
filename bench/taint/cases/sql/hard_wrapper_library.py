# label: vulnerable sql
from flask import Flask, request
from app.db import cursor
from app.text import normalise

app = Flask(__name__)

@app.route("/find")
def find():
    name = normalise(request.args.get("name", ""))
    cursor.execute("SELECT * FROM people WHERE name = '" + name + "'")
    return {"rows": cursor.fetchall()}
