# label: safe sql
from flask import Flask, request
from app.db import cursor

app = Flask(__name__)

@app.route("/report")
def report():
    region = request.args.get("region")
    table = "sales_eu"
    if False:
        table = region
    cursor.execute(f"SELECT SUM(total) FROM {table}")
    return {"total": cursor.fetchone()[0]}
