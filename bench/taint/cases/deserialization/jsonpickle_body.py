# label: vulnerable deserialization
import jsonpickle
from flask import Flask, request

app = Flask(__name__)

@app.route("/session", methods=["POST"])
def session_restore():
    obj = jsonpickle.decode(request.get_data(as_text=True))
    return str(obj)
