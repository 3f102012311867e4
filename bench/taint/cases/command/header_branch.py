# label: vulnerable command
import os
from flask import Flask, request

app = Flask(__name__)

@app.route("/notify")
def notify():
    channel = "ops"
    if request.headers.get("X-Channel"):
        channel = request.headers["X-Channel"]
    os.system("notify-send --app " + channel + " deployed")
    return "ok"
