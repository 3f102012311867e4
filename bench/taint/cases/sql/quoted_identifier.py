# label: safe sql
from flask import Flask, request
from psycopg2 import sql
from app.db import conn

app = Flask(__name__)

@app.route("/count")
def count():
    table = request.args.get("table", "users")
    query = sql.SQL("SELECT COUNT(*) FROM {}").format(sql.Identifier(table))
    with conn.cursor() as cur:
        cur.execute(query)
        return {"count": cur.fetchone()[0]}
