# label: safe ssrf
import requests
from flask import Flask, request

app = Flask(__name__)

@app.route("/health")
def health():
    request.args.get("verbose")
    return requests.get("https://status.example.com/health", timeout=5).text
