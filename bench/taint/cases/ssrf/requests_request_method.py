# label: vulnerable ssrf
import requests
from flask import Flask, request

app = Flask(__name__)

@app.route("/call", methods=["POST"])
def call():
    data = request.get_json()
    r = requests.request("GET", data["endpoint"], timeout=5)
    return r.text
