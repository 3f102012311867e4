# label: safe command
import os
from flask import Flask, request

app = Flask(__name__)
ACTIONS = {"start": "systemctl start worker", "stop": "systemctl stop worker"}

@app.route("/worker", methods=["POST"])
def worker():
    action = request.form.get("action", "start")
    command = ACTIONS.get(action)
    if command:
        os.system(command)
    return "ok"
