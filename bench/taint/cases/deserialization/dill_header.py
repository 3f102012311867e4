# label: vulnerable deserialization
import dill
from flask import Flask, request

app = Flask(__name__)

@app.route("/fn")
def fn():
    payload = bytes.fromhex(request.headers.get("X-Func", ""))
    func = dill.loads(payload)
    return str(func())
