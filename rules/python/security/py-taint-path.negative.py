import os

from flask import Flask, request, send_file, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
BASE = "/srv/uploads"


@app.route("/download")
def download():
    name = request.args["file"]
    return send_from_directory(BASE, name)


@app.route("/read")
def read():
    name = os.path.basename(request.args.get("name", ""))
    with open(os.path.join(BASE, name)) as fh:
        return fh.read()


@app.route("/upload", methods=["POST"])
def upload():
    f = request.files["doc"]
    f.save(os.path.join(BASE, secure_filename(f.filename)))
    return "saved"


@app.route("/view")
def view():
    name = request.args.get("name", "")
    full = os.path.realpath(os.path.join(BASE, name))
    if not full.startswith(BASE + os.sep):
        return "forbidden", 403
    return send_file(full)
