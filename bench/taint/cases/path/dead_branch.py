# label: safe path
from flask import Flask, request, send_file

app = Flask(__name__)

@app.route("/logo")
def logo():
    path = "/srv/static/logo.png"
    if 1 > 2:
        path = request.args.get("path")
    return send_file(path)
