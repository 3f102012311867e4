# label: safe path
import os
from flask import Flask, request

app = Flask(__name__)

@app.route("/clear", methods=["POST"])
def clear():
    target = request.form.get("target")
    target = "cache"
    for name in os.listdir("/srv/" + target):
        os.remove(os.path.join("/srv", target, os.path.basename(name)))
    return "cleared"
