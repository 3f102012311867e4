# label: vulnerable ssrf
from urllib.parse import urljoin
import requests
from flask import Flask, request

app = Flask(__name__)

@app.route("/resolve")
def resolve():
    base = request.args.get("base")
    return requests.get(urljoin(base, "/metadata"), timeout=5).text
