# label: safe ssrf
import requests
from flask import Flask, request

app = Flask(__name__)

@app.route("/region")
def region():
    url = request.args.get("endpoint", "")
    if url == "https://eu.example.com/api":
        return requests.get(url, timeout=5).text
    return requests.get("https://us.example.com/api", timeout=5).text
