# label: vulnerable command
import subprocess
from flask import Flask, request

app = Flask(__name__)

@app.route("/git", methods=["POST"])
def git():
    payload = request.get_json()
    repo = payload["repo"]
    subprocess.run("git clone " + repo + " /srv/checkout", shell=True)
    return "cloned"
