# label: vulnerable command
import subprocess
from flask import Flask, request

app = Flask(__name__)

@app.route("/whois")
def whois():
    return subprocess.getoutput("whois " + request.args.get("q", ""))
