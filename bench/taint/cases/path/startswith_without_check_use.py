# label: vulnerable path
import os
from flask import Flask, request, send_file

app = Flask(__name__)
BASE = "/srv/files"

@app.route("/get")
def get():
    name = request.args.get("name", "")
    path = os.path.join(BASE, name)
    if path.startswith(BASE):
        app.logger.info("serving %s", path)
    return send_file(path)
