# label: safe command
import subprocess
import shlex
from flask import Flask, request

app = Flask(__name__)

@app.route("/search")
def search():
    words = request.args.getlist("w")
    line = shlex.join(["grep", "-rn"] + words + ["/srv/docs"])
    return subprocess.check_output(line, shell=True)
