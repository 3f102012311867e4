# label: vulnerable code
from flask import Flask, request

app = Flask(__name__)

@app.route("/score", methods=["POST"])
def score():
    payload = request.get_json()
    weights = payload.get("weights", "{}")
    table = eval(weights)
    return str(sum(table.values()))
