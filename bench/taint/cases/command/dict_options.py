# label: vulnerable command
import os
from flask import Flask, request

app = Flask(__name__)

@app.route("/resize", methods=["POST"])
def resize():
    opts = {"size": request.form.get("size", "100x100"), "file": "in.png"}
    os.system("mogrify -resize %s %s" % (opts["size"], opts["file"]))
    return "ok"
