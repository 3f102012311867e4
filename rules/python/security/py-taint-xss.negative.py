from html import escape

from django.http import HttpResponse
from flask import Flask, jsonify, render_template, request

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "world")
    return "<h1>Hello, %s!</h1>" % escape(name)


@app.route("/card")
def card():
    title = request.args.get("title", "")
    return render_template("card.html", title=title)


@app.route("/api/user")
def user():
    return jsonify(name=request.args.get("name"))


def search(request):
    q = request.GET.get("q", "")
    return HttpResponse("Results for " + q, content_type="text/plain")
