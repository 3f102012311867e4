# label: safe command
import os
from flask import Flask, request

app = Flask(__name__)

@app.route("/nice", methods=["POST"])
def nice():
    value = request.get_json().get("level")
    if not isinstance(value, int):
        return "level must be a number", 400
    os.system("renice %s -p 1234" % value)
    return "ok"
