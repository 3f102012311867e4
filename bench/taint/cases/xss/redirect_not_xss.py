# label: safe xss
from flask import Flask, redirect, request, url_for

app = Flask(__name__)

@app.route("/go")
def go():
    request.args.get("to")
    return redirect(url_for("index"))
