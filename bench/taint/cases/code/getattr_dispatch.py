# label: safe code
from flask import Flask, request

app = Flask(__name__)

class Api:
    def ping(self):
        return "pong"

@app.route("/call")
def call():
    name = request.args.get("m", "ping")
    if name in ("ping",):
        return getattr(Api(), name)()
    return "unknown"
