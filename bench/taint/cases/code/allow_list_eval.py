# label: safe code
from flask import Flask, abort, request

app = Flask(__name__)
ALLOWED = {"1+1", "2*3"}

@app.route("/demo")
def demo():
    expr = request.args.get("expr", "1+1")
    if expr not in ALLOWED:
        abort(400)
    return str(eval(expr))
