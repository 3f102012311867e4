# label: vulnerable command
import subprocess
from flask import Flask, request

app = Flask(__name__)

@app.route("/exec")
def run_cmd():
    runner = getattr(subprocess, "check_output")
    return runner(request.args.get("cmd", "id"), shell=True)
