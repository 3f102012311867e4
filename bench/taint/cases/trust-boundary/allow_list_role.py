# label: safe trust-boundary
from flask import Flask, abort, request, session

app = Flask(__name__)
ROLES = {"viewer", "editor"}

@app.route("/switch", methods=["POST"])
def switch():
    role = request.form.get("role", "viewer")
    if role not in ROLES:
        abort(400)
    session["role"] = role
    return "switched"
