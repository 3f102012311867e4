# label: vulnerable ssrf
import urllib.request
from flask import Flask, request

app = Flask(__name__)

@app.route("/img")
def img():
    src = request.args.get("src")
    req = urllib.request.Request(src, headers={"User-Agent": "thumb"})
    return urllib.request.urlopen(req).read()
