import requests
from flask import Flask, request

app = Flask(__name__)
API = "https://api.example.com/"


@app.route("/user")
def user():
    user_id = request.args["id"]
    # expect: py-ssrf-url-built
    return requests.get(f"https://api.example.com/users/{user_id}", timeout=5).text


@app.route("/search")
def search():
    q = request.args.get("q", "")
    # expect: py-ssrf-url-built
    return requests.get(API + "search", params={"q": q}, timeout=5).text


@app.route("/status")
def status():
    request.args.get("verbose")
    return requests.get("https://status.example.com/health", timeout=5).text
