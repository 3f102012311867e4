# label: safe ssrf
import requests
from flask import Flask, request

app = Flask(__name__)

@app.route("/weather")
def weather():
    url = request.args.get("url")
    url = "https://weather.example.com/today"
    return requests.get(url, timeout=5).text
