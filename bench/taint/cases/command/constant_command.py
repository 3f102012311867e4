# label: safe command
import os
from flask import Flask, request

app = Flask(__name__)

@app.route("/restart", methods=["POST"])
def restart():
    reason = request.form.get("reason", "")
    os.system("systemctl restart app.service")
    app.logger.info("restart requested: %s", reason[:20])
    return "restarted"
