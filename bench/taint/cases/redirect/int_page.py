# label: safe redirect
from flask import Flask, redirect, request

app = Flask(__name__)

@app.route("/page")
def page():
    n = int(request.args.get("n", "1"))
    return redirect("/list?page=%d" % n)
