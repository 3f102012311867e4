# label: safe trust-boundary
from flask import Flask, request, session

app = Flask(__name__)

@app.route("/cart")
def cart():
    item = request.args.get("item")
    items = session.get("cart", [])
    return str(item in items)
