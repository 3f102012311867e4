# label: vulnerable ssrf
import requests
from flask import Flask, request

app = Flask(__name__)

@app.route("/sync", methods=["POST"])
def sync():
    settings = {"remote": request.form.get("remote"), "timeout": 5}
    return requests.get(settings["remote"], timeout=settings["timeout"]).text
