# label: vulnerable command
import os
from flask import Flask, request

app = Flask(__name__)

@app.route("/batch", methods=["POST"])
def batch():
    target = request.form.get("target", "")

    def run():
        os.system("rsync -a /srv/ " + target)

    run()
    return "ok"
