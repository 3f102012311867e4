# label: vulnerable redirect
from flask import Flask, redirect, request

app = Flask(__name__)

@app.route("/out")
def out():
    host = request.args.get("host", "example.com")
    return redirect("https://" + host)
