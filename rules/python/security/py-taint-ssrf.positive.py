import urllib.request

import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/preview")
def preview():
    url = request.args["url"]
    # expect: py-taint-ssrf
    return requests.get(url, timeout=5).text


@app.route("/avatar")
def avatar():
    host = request.args.get("host")
    # expect: py-taint-ssrf, py-ssrf-url-built
    return urllib.request.urlopen("http://" + host + "/avatar.png").read()
