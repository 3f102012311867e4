# label: vulnerable sql
from flask import Flask, abort, request
from app.db import cursor

app = Flask(__name__)

@app.route("/code")
def code():
    value = request.args.get("code", "")
    if len(value) > 12:
        abort(400)
    cursor.execute("SELECT * FROM vouchers WHERE code = '" + value + "'")
    return {"rows": cursor.fetchall()}
