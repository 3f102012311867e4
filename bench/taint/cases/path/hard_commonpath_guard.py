# label: safe path
import os
from flask import Flask, abort, request

app = Flask(__name__)
ROOT = "/srv/files"

@app.route("/read")
def read():
    path = os.path.realpath(os.path.join(ROOT, request.args.get("f", "")))
    if os.path.commonpath([ROOT, path]) != ROOT:
        abort(403)
    with open(path) as fh:
        return fh.read()
