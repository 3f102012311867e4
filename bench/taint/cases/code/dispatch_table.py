# label: safe code
from flask import Flask, request

app = Flask(__name__)
OPS = {"sum": sum, "max": max, "min": min}

@app.route("/agg")
def agg():
    op = request.args.get("op", "sum")
    fn = OPS.get(op, sum)
    return str(fn([1, 2, 3]))
