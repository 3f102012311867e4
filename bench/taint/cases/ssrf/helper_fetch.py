# label: vulnerable ssrf
import requests
from flask import Flask, request

app = Flask(__name__)

def download(url):
    resp = requests.get(url, timeout=10)
    resp.raise_for_status()
    return resp.content

@app.route("/import", methods=["POST"])
def import_feed():
    return download(request.form["feed"])
