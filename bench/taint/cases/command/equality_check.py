# label: safe command
import subprocess
from flask import Flask, request

app = Flask(__name__)

@app.route("/logs")
def logs():
    level = request.args.get("level", "info")
    if level == "debug":
        return subprocess.check_output("journalctl -p " + level, shell=True)
    return subprocess.check_output("journalctl -p info", shell=True)
