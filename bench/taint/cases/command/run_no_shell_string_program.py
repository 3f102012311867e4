# label: safe command
import subprocess
from flask import Flask, request

app = Flask(__name__)

@app.route("/version")
def version():
    tool = request.args.get("tool", "git")
    subprocess.run(["which", tool], check=False)
    return subprocess.check_output("git --version", shell=True)
