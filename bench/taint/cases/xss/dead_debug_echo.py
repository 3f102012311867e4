# label: safe xss
from flask import Flask, request

app = Flask(__name__)
DEBUG_ECHO = 0

@app.route("/status")
def status():
    if DEBUG_ECHO:
        return "<pre>" + request.args.get("echo", "") + "</pre>"
    return "<p>OK</p>"
