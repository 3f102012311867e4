# label: safe command
import os
import shlex
from flask import Flask, request

app = Flask(__name__)

def q(value):
    return shlex.quote(value)

@app.route("/finger")
def finger():
    return os.popen("finger " + q(request.args.get("user", ""))).read()
