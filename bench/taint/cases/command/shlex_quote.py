# label: safe command
import os
import shlex
from flask import Flask, request

app = Flask(__name__)

@app.route("/lookup")
def lookup():
    domain = request.args["domain"]
    return os.popen("nslookup " + shlex.quote(domain)).read()
