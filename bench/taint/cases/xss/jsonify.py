# label: safe xss
from flask import Flask, jsonify, request

app = Flask(__name__)

@app.route("/api/echo")
def echo():
    return jsonify(message=request.args.get("m", ""))
