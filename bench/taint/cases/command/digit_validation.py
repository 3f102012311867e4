# label: safe command
import os
from flask import Flask, request

app = Flask(__name__)

@app.route("/renice", methods=["POST"])
def renice():
    pid = request.form.get("pid", "")
    if not pid.isdigit():
        return "bad pid", 400
    os.system("renice 10 -p " + pid)
    return "ok"
