# label: vulnerable code
from flask import Flask, request

app = Flask(__name__)

@app.route("/run", methods=["POST"])
def run():
    code = request.form["code"]
    scope = {}
    exec(code, scope)
    return str(scope.get("result"))
