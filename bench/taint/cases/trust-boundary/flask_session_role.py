# label: vulnerable trust-boundary
from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = "dev"

@app.route("/switch", methods=["POST"])
def switch():
    session["role"] = request.form.get("role", "viewer")
    return "switched"
