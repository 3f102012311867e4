# label: vulnerable redirect
from flask import Flask, redirect, request

app = Flask(__name__)

def after_login(default, requested):
    return requested or default

@app.route("/signin", methods=["POST"])
def signin():
    return redirect(after_login("/home", request.form.get("next")))
