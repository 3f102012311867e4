# label: safe ssrf
import requests
from flask import Flask, request

app = Flask(__name__)

@app.route("/search")
def search():
    q = request.args.get("q", "")
    return requests.get("https://search.example.com/api", params={"q": q}, timeout=5).text
