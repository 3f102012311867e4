# label: vulnerable redirect
from flask import Flask, redirect, request

app = Flask(__name__)

@app.route("/jump")
def jump():
    path = request.args.get("path", "")
    return redirect("/" + path)
