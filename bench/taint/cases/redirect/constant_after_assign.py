# label: safe redirect
from flask import Flask, redirect, request

app = Flask(__name__)

@app.route("/bye")
def bye():
    target = request.args.get("next")
    target = "/goodbye"
    return redirect(target)
