# label: vulnerable deserialization
import marshal
from flask import Flask, request

app = Flask(__name__)

@app.route("/bytecode", methods=["POST"])
def bytecode():
    code = marshal.loads(request.files["blob"].read())
    return str(type(code))
