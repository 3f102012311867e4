from django.http import HttpResponseRedirect
from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    target = request.args.get("next", "/")
    # expect: py-taint-redirect
    return redirect(target)


def logout(request):
    back = request.GET["back"]
    # expect: py-taint-redirect
    return HttpResponseRedirect("/" + back)
