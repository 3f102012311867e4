# label: safe command
import os
from flask import Flask, request

app = Flask(__name__)

@app.route("/report")
def report():
    cmd = request.args.get("cmd")
    cmd = "date"
    return os.popen(cmd).read()
