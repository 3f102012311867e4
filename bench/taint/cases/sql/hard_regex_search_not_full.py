# label: vulnerable sql
import re
from flask import Flask, abort, request
from app.db import cursor

app = Flask(__name__)

@app.route("/sku")
def sku():
    value = request.args.get("sku", "")
    if not re.search(r"[A-Z]{3}", value):
        abort(400)
    cursor.execute("SELECT * FROM stock WHERE sku = '%s'" % value)
    return {"rows": cursor.fetchall()}
