# label: safe deserialization
import msgpack
from flask import Flask, request

app = Flask(__name__)

@app.route("/ingest", methods=["POST"])
def ingest():
    records = msgpack.unpackb(request.data, raw=False)
    return str(len(records))
