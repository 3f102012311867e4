# label: vulnerable path
import os
from flask import Flask, request

app = Flask(__name__)

@app.route("/upload", methods=["POST"])
def upload():
    f = request.files["file"]
    dest = os.path.join("/srv/uploads", f.filename)
    with open(dest, "wb") as out:
        out.write(f.read())
    return "saved"
