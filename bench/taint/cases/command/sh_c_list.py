# label: vulnerable command
import subprocess
from flask import Flask, request

app = Flask(__name__)

@app.route("/backup", methods=["POST"])
def backup():
    name = request.form.get("name")
    subprocess.call(["/bin/sh", "-c", "tar czf /backups/" + name + ".tgz /srv"])
    return "queued"
