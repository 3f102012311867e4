# label: safe redirect
from flask import Flask, redirect, request

app = Flask(__name__)

@app.route("/back")
def back():
    nxt = request.args.get("next", "/")
    if not nxt.startswith("/") or nxt.startswith("//"):
        nxt = "/"
    return redirect(nxt)
