# label: safe ssrf
import requests
from flask import Flask, abort, request

app = Flask(__name__)
MIRRORS = {"https://mirror1.example.com/", "https://mirror2.example.com/"}

@app.route("/mirror")
def mirror():
    base = request.args.get("mirror", "https://mirror1.example.com/")
    if base not in MIRRORS:
        abort(400)
    return requests.get(base + "index.json", timeout=5).text
