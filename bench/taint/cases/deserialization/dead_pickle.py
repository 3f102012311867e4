# label: safe deserialization
import pickle
import json
from flask import Flask, request

app = Flask(__name__)
LEGACY = False

@app.route("/state", methods=["POST"])
def state():
    if LEGACY:
        return str(pickle.loads(request.data))
    return str(json.loads(request.data))
