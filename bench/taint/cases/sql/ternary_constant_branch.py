# label: safe sql
from flask import Flask, request
from app.db import cursor

app = Flask(__name__)
STRICT = True

@app.route("/users")
def users():
    role = request.args.get("role", "")
    clause = "role = 'member'" if STRICT else "role = '" + role + "'"
    cursor.execute("SELECT * FROM users WHERE " + clause)
    return {"rows": cursor.fetchall()}
