# label: safe ssrf
import requests
from flask import Flask, request

app = Flask(__name__)

@app.route("/user")
def user():
    uid = request.args.get("id", "1")
    return requests.get(f"https://api.example.com/users/{uid}", timeout=5).text
