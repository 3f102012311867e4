# label: safe ssrf
import requests
from flask import Flask, request

app = Flask(__name__)

@app.route("/relay")
def relay():
    token = request.headers.get("Authorization", "")
    return requests.get("https://api.example.com/v1/me", headers={"Authorization": token}, timeout=5).text
