# label: safe command
import subprocess
from flask import Flask, request

app = Flask(__name__)
USE_SHELL = False

@app.route("/count")
def count():
    pattern = request.args.get("p", "")
    return subprocess.check_output(["grep", "-c", pattern, "/srv/log"], shell=USE_SHELL)
