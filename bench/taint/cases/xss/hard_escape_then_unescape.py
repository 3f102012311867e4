# label: vulnerable xss
import html
from flask import Flask, request

app = Flask(__name__)

@app.route("/msg")
def msg():
    text = html.unescape(request.args.get("m", ""))
    return "<p>" + text + "</p>"
