# label: safe command
import subprocess
from flask import Flask, abort, request

app = Flask(__name__)
TOOLS = {"uptime", "df -h", "free -m"}

@app.route("/tool")
def tool():
    name = request.args.get("name", "uptime")
    if name not in TOOLS:
        abort(400)
    return subprocess.check_output(name, shell=True)
