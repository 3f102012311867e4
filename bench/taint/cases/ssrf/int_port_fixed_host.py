# label: safe ssrf
import requests
from flask import Flask, request

app = Flask(__name__)

@app.route("/metrics")
def metrics():
    port = int(request.args.get("port", "9100"))
    return requests.get("http://127.0.0.1:%d/metrics" % port, timeout=2).text
