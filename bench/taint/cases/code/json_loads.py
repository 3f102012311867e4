# label: safe code
import json
from flask import Flask, request

app = Flask(__name__)

@app.route("/score", methods=["POST"])
def score():
    weights = json.loads(request.form.get("weights", "{}"))
    return str(sum(weights.values()))
