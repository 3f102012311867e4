# label: vulnerable ssrf
import requests
from flask import Flask, request

app = Flask(__name__)

@app.route("/tenant")
def tenant():
    sub = request.args.get("tenant", "")
    return requests.get("https://api.example.com" + sub, timeout=5).text
