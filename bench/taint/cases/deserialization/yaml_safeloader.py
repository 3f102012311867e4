# label: safe deserialization
import yaml
from flask import Flask, request

app = Flask(__name__)

@app.route("/pipeline", methods=["POST"])
def pipeline():
    spec = yaml.load(request.data, Loader=yaml.SafeLoader)
    return str(spec)
