# label: vulnerable ssrf
import requests
from flask import Flask, request

app = Flask(__name__)

@app.route("/me")
def me():
    api = request.cookies.get("api", "https://api.example.com")
    return requests.get(api + "/me", timeout=5).text
