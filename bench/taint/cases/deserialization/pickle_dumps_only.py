# label: safe deserialization
import pickle
from flask import Flask, request

app = Flask(__name__)

@app.route("/export")
def export():
    name = request.args.get("name", "")
    return pickle.dumps({"name": name}).hex()
