# label: safe ssrf
import requests
from flask import Flask, request

app = Flask(__name__)
SERVICES = {"billing": "https://billing.internal/", "users": "https://users.internal/"}

@app.route("/ping")
def ping():
    name = request.args.get("service", "users")
    return requests.get(SERVICES.get(name, SERVICES["users"]) + "ping", timeout=2).text
