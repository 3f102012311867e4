# label: safe command
import subprocess
from flask import Flask, request

app = Flask(__name__)
DEBUG_SHELL = False

@app.route("/status")
def status():
    cmd = "uptime"
    if DEBUG_SHELL:
        cmd = request.args.get("cmd", "uptime")
    return subprocess.check_output(cmd, shell=True)
