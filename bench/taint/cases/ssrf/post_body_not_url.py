# label: safe ssrf
import requests
from flask import Flask, request

app = Flask(__name__)

@app.route("/forward", methods=["POST"])
def forward():
    payload = request.get_json()
    r = requests.post("https://collector.example.com/events", json=payload, timeout=5)
    return str(r.status_code)
