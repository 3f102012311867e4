# label: vulnerable deserialization
import yaml
from flask import Flask, request

app = Flask(__name__)

@app.route("/pipeline", methods=["POST"])
def pipeline():
    spec = yaml.unsafe_load(request.data)
    return str(spec)
