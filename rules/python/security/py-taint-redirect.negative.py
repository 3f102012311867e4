from django.utils.http import url_has_allowed_host_and_scheme
from flask import Flask, redirect, request, url_for

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    target = request.args.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={"example.com"}):
        target = "/"
    return redirect(target)


@app.route("/profile")
def profile():
    user = request.args.get("user", "")
    return redirect("/profile/" + user)


@app.route("/home")
def home():
    request.args.get("next")
    return redirect(url_for("index"))
