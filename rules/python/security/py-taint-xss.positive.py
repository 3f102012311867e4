from django.http import HttpResponse
from flask import Flask, make_response, render_template_string, request
from markupsafe import Markup

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "world")
    # expect: py-taint-xss
    return "<h1>Hello, %s!</h1>" % name


@app.route("/card")
def card():
    title = request.args.get("title", "")
    # expect: py-taint-xss, py-template-injection
    return render_template_string("<div class=card>" + title + "</div>")


@app.route("/banner")
def banner():
    text = request.cookies.get("banner", "")
    # expect: py-taint-xss, py-mark-safe-nonliteral
    resp = make_response(Markup(f"<p>{text}</p>"))
    return resp


def search(request):
    q = request.GET.get("q", "")
    # expect: py-taint-xss
    return HttpResponse("<p>Results for " + q + "</p>")
