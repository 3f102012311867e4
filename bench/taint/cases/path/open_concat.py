# label: vulnerable path
from flask import Flask, request

app = Flask(__name__)

@app.route("/template")
def template():
    page = request.args["page"]
    with open("templates/" + page) as fh:
        return fh.read()
