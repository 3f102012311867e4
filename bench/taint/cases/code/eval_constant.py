# label: safe code
from flask import Flask, request

app = Flask(__name__)

@app.route("/version")
def version():
    request.args.get("verbose")
    return str(eval("(1, 2, 3)"))
