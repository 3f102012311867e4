# label: vulnerable deserialization
import pickle
from base64 import urlsafe_b64decode
from flask import Flask, request

app = Flask(__name__)

@app.route("/cart")
def cart():
    raw = request.cookies.get("cart")
    items = pickle.loads(urlsafe_b64decode(raw))
    return str(len(items))
