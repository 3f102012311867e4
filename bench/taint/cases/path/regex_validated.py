# label: safe path
import re
from flask import Flask, abort, request

app = Flask(__name__)

@app.route("/log")
def log():
    day = request.args.get("day", "")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        abort(400)
    with open("/var/log/app/" + day + ".log") as fh:
        return fh.read()
