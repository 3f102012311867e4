# label: safe ssrf
import requests
from flask import Flask, request

app = Flask(__name__)
ALLOW_CUSTOM = False

@app.route("/feed")
def feed():
    url = "https://news.example.com/rss"
    if ALLOW_CUSTOM:
        url = request.args.get("url", url)
    return requests.get(url, timeout=5).text
