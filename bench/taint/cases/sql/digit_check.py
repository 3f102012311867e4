# label: safe sql
from flask import Flask, abort, request
from app.db import cursor

app = Flask(__name__)

@app.route("/invoice")
def invoice():
    number = request.args.get("n", "")
    if not number.isdigit():
        abort(400)
    cursor.execute("SELECT * FROM invoices WHERE number = " + number)
    return {"rows": cursor.fetchall()}
