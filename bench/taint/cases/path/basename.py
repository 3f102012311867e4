# label: safe path
import os
from flask import Flask, request

app = Flask(__name__)

@app.route("/template")
def template():
    page = os.path.basename(request.args["page"])
    with open(os.path.join("templates", page)) as fh:
        return fh.read()
