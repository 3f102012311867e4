# label: vulnerable command
import os
from flask import Flask, request

app = Flask(__name__)

@app.route("/kill", methods=["POST"])
def kill():
    pids = " ".join(pid for pid in request.form.getlist("pid"))
    os.system("kill -9 " + pids)
    return "ok"
