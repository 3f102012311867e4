# label: safe command
import os
from flask import Flask, request

app = Flask(__name__)

@app.route("/open-port", methods=["POST"])
def open_port():
    port = int(request.form["port"])
    os.system("ufw allow %d/tcp" % port)
    return "ok"
