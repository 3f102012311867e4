# label: vulnerable sql
from dataclasses import dataclass
from flask import Flask, request
from app.db import cursor

app = Flask(__name__)

@dataclass
class Filter:
    column: str
    value: str

@app.route("/filter")
def filter_view():
    f = Filter(column="city", value=request.args.get("city", ""))
    cursor.execute(f"SELECT * FROM shops WHERE {f.column} = '{f.value}'")
    return {"rows": cursor.fetchall()}
