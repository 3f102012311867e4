# label: vulnerable path
import os
from flask import Flask, request

app = Flask(__name__)

def user_file(user, name):
    return os.path.join("/home", user, name)

@app.route("/read")
def read():
    path = user_file("app", request.args.get("f"))
    with open(path) as fh:
        return fh.read()
