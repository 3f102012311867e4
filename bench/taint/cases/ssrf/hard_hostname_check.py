# label: safe ssrf
from urllib.parse import urlparse
import requests
from flask import Flask, abort, request

app = Flask(__name__)
ALLOWED = {"images.example.com", "cdn.example.com"}

@app.route("/thumb")
def thumb():
    url = request.args.get("url", "")
    if urlparse(url).hostname not in ALLOWED:
        abort(400)
    return requests.get(url, timeout=5).content
