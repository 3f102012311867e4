import base64
import pickle

import yaml
from flask import Flask, request

app = Flask(__name__)


@app.route("/restore", methods=["POST"])
def restore():
    blob = base64.b64decode(request.form["state"])
    # expect: py-taint-deserialization, py-pickle-load
    state = pickle.loads(blob)
    return str(state)


@app.route("/config", methods=["POST"])
def config():
    # expect: py-taint-deserialization, py-yaml-unsafe-loader
    settings = yaml.load(request.data, Loader=yaml.Loader)
    return str(settings)
