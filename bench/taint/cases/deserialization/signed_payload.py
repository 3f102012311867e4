# label: safe deserialization
import hmac
import pickle
from flask import Flask, abort, request

app = Flask(__name__)
KEY = b"server-side-key"

@app.route("/restore", methods=["POST"])
def restore():
    blob = request.files["state"].read()
    signature = request.headers.get("X-Signature", "")
    if not hmac.compare_digest(hmac.new(KEY, blob, "sha256").hexdigest(), signature):
        abort(403)
    cached = pickle.loads(open("/srv/cache/last.pkl", "rb").read())
    return str(cached)
