# label: vulnerable xss
from flask import Flask, request

app = Flask(__name__)

@app.route("/item")
def item():
    item_id = request.args.get("id", "")
    if not item_id:
        return "<p>missing id</p>"
    return "<p>Item " + item_id + " not found</p>", 404
