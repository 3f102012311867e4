# label: safe deserialization
import yaml
from flask import Flask, request

app = Flask(__name__)

@app.route("/labels", methods=["POST"])
def labels():
    data = yaml.load(request.data, Loader=yaml.BaseLoader)
    return str(data)
