# label: vulnerable sql
import psycopg2
from flask import Flask, request

app = Flask(__name__)

@app.route("/audit")
def audit():
    filters = {"user": request.args.get("user", "")}
    conn = psycopg2.connect("dbname=audit")
    cur = conn.cursor()
    cur.execute("SELECT * FROM events WHERE username = '%s'" % filters["user"])
    return str(cur.fetchall())
