# label: safe code
from flask import Flask, request

app = Flask(__name__)

@app.route("/square")
def square():
    n = int(request.args.get("n", "2"))
    return str(eval("%d ** 2" % n))
