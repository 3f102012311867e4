# label: vulnerable sql
from flask import Flask, request
from app.db import cursor

app = Flask(__name__)

@app.route("/bulk-delete", methods=["POST"])
def bulk_delete():
    ids = ""
    for item in request.form.getlist("id"):
        ids += item + ","
    cursor.execute("DELETE FROM items WHERE id IN (" + ids.rstrip(",") + ")")
    return "deleted"
