# label: vulnerable deserialization
import pickle
from flask import Flask, request

app = Flask(__name__)

def decode(blob):
    return pickle.loads(blob)

@app.route("/job", methods=["POST"])
def job():
    task = decode(request.data)
    return str(task)
