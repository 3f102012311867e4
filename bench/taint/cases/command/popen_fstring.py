# label: vulnerable command
import os
from flask import Flask, request

app = Flask(__name__)

@app.route("/lookup")
def lookup():
    domain = request.args["domain"]
    return os.popen(f"nslookup {domain}").read()
