# label: safe trust-boundary
from flask import Flask, request, session

app = Flask(__name__)

@app.route("/page-size", methods=["POST"])
def page_size():
    session["page_size"] = int(request.form.get("size", "20"))
    return "ok"
