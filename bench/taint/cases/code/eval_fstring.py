# label: vulnerable code
from flask import Flask, request

app = Flask(__name__)

@app.route("/attr")
def attr():
    field = request.args["field"]
    obj = {"name": "x"}
    return str(eval(f"obj['{field}']"))
