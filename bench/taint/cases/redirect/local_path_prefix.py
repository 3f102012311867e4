# label: safe redirect
from flask import Flask, redirect, request

app = Flask(__name__)

@app.route("/u")
def user():
    name = request.args.get("name", "")
    return redirect(f"/users/{name}")
