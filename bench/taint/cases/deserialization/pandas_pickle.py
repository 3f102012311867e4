# label: vulnerable deserialization
import pandas as pd
from flask import Flask, request

app = Flask(__name__)

@app.route("/frame", methods=["POST"])
def frame():
    df = pd.read_pickle(request.files["data"])
    return df.to_json()
