# label: vulnerable ssrf
import httpx
from flask import Flask, request

app = Flask(__name__)

@app.route("/status")
def status():
    service = request.args.get("service", "api")
    return httpx.get(f"http://{service}.internal/health").text
