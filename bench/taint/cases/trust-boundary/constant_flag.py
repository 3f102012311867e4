# label: safe trust-boundary
from flask import Flask, request, session

app = Flask(__name__)

@app.route("/dismiss", methods=["POST"])
def dismiss():
    request.form.get("banner")
    session["banner_dismissed"] = True
    return "ok"
