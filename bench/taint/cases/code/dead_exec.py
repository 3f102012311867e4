# label: safe code
from flask import Flask, request

app = Flask(__name__)
ENABLE_HOOKS = False

@app.route("/hook", methods=["POST"])
def hook():
    body = request.get_data(as_text=True)
    if ENABLE_HOOKS:
        exec(body)
    return "ignored"
