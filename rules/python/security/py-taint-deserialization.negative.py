import json
import pickle

import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/restore", methods=["POST"])
def restore():
    state = json.loads(request.form["state"])
    return jsonify(state)


@app.route("/config", methods=["POST"])
def config():
    settings = yaml.load(request.data, Loader=yaml.SafeLoader)
    return str(settings)


@app.route("/cache")
def cache():
    request.args.get("key")
    with open("/var/cache/app/model.pkl", "rb") as fh:
        # expect: py-pickle-load
        return str(pickle.load(fh))
