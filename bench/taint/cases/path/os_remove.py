# label: vulnerable path
import os
from flask import Flask, request

app = Flask(__name__)

@app.route("/delete", methods=["POST"])
def delete():
    filename = request.form["filename"]
    os.remove(os.path.join("/srv/data", filename))
    return "deleted"
