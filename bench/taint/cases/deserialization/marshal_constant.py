# label: safe deserialization
import marshal
from flask import Flask, request

app = Flask(__name__)
BLOB = marshal.dumps((1, 2, 3))

@app.route("/demo")
def demo():
    request.args.get("x")
    return str(marshal.loads(BLOB))
