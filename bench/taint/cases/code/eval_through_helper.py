# label: vulnerable code
from flask import Flask, request

app = Flask(__name__)

def evaluate(rule, row):
    return eval(rule, {"row": row})

@app.route("/filter")
def filter_rows():
    rule = request.args.get("rule", "True")
    rows = [{"a": 1}, {"a": 2}]
    return str([r for r in rows if evaluate(rule, r)])
