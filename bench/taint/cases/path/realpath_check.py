# label: safe path
import os
from flask import Flask, abort, request, send_file

app = Flask(__name__)
BASE = "/srv/files"

@app.route("/get")
def get():
    name = request.args.get("name", "")
    path = os.path.realpath(os.path.join(BASE, name))
    if not path.startswith(BASE + os.sep):
        abort(404)
    return send_file(path)
