import os
import shutil

from flask import Flask, request, send_file

app = Flask(__name__)
BASE = "/srv/uploads"


@app.route("/download")
def download():
    name = request.args["file"]
    path = os.path.join(BASE, name)
    # expect: py-taint-path
    return send_file(path)


@app.route("/read")
def read():
    name = request.args.get("name")
    # expect: py-taint-path
    with open(BASE + "/" + name) as fh:
        return fh.read()


@app.route("/delete", methods=["POST"])
def delete():
    folder = request.form["folder"]
    # expect: py-taint-path
    shutil.rmtree(os.path.join(BASE, folder))
    return "deleted"
