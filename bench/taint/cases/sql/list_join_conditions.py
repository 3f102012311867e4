# label: vulnerable sql
from flask import Flask, request
from app.db import engine

app = Flask(__name__)

@app.route("/filter")
def filter_rows():
    conditions = []
    for key in ("city", "country"):
        value = request.args.get(key)
        if value:
            conditions.append(f"{key} = '{value}'")
    query = "SELECT * FROM people WHERE " + " AND ".join(conditions)
    with engine.connect() as conn:
        return str(conn.exec_driver_sql(query).fetchall())
