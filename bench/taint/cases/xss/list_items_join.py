# label: vulnerable xss
from flask import Flask, request

app = Flask(__name__)

@app.route("/tags")
def tags():
    items = []
    for tag in request.args.getlist("tag"):
        items.append("<li>" + tag + "</li>")
    return "<ul>" + "".join(items) + "</ul>"
