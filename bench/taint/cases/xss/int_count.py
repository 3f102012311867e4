# label: safe xss
from flask import Flask, request

app = Flask(__name__)

@app.route("/count")
def count():
    n = int(request.args.get("n", "0"))
    return "<p>You have %d messages</p>" % n
