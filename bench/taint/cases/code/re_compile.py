# label: safe code
import re
from flask import Flask, request

app = Flask(__name__)

@app.route("/match")
def match():
    pattern = request.args.get("p", "")
    rx = re.compile(re.escape(pattern))
    return str(bool(rx.search("hello")))
