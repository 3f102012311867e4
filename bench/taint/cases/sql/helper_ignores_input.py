# label: safe sql
from flask import Flask, request
from app.db import cursor

app = Flask(__name__)

def base_query(kind):
    return "SELECT * FROM documents WHERE deleted = 0"

@app.route("/docs")
def docs():
    sql = base_query(request.args.get("kind"))
    cursor.execute(sql)
    return {"rows": cursor.fetchall()}
