# label: vulnerable trust-boundary
from flask import Flask, request, session

app = Flask(__name__)

@app.route("/prefs", methods=["POST"])
def prefs():
    session.update(request.get_json())
    return "saved"
