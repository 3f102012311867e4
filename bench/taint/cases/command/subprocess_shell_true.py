# label: vulnerable command
import subprocess
from flask import Flask, request

app = Flask(__name__)

@app.route("/grep", methods=["POST"])
def grep():
    pattern = request.form["pattern"]
    out = subprocess.run("grep -r '%s' /var/log/app" % pattern, shell=True, capture_output=True)
    return out.stdout
