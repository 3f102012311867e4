# label: safe path
import os
import uuid
from flask import Flask, request

app = Flask(__name__)

@app.route("/upload", methods=["POST"])
def upload():
    data = request.files["file"].read()
    path = os.path.join("/srv/uploads", uuid.uuid4().hex)
    with open(path, "wb") as fh:
        fh.write(data)
    return "saved"
