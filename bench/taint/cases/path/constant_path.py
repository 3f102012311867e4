# label: safe path
from flask import Flask, request

app = Flask(__name__)

@app.route("/motd")
def motd():
    request.args.get("lang")
    with open("/etc/motd") as fh:
        return fh.read()
