# label: vulnerable trust-boundary
from flask import Flask, request, session

app = Flask(__name__)

@app.route("/migrate")
def migrate():
    legacy = request.cookies.get("legacy_cart")
    if legacy:
        session["cart"] = legacy
    return "ok"
