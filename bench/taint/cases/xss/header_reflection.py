# label: vulnerable xss
from flask import Flask, request

app = Flask(__name__)

@app.route("/debug")
def debug():
    ref = request.headers.get("Referer", "")
    return "<a href='" + ref + "'>back</a>", 200
