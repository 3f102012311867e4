# label: safe xss
from flask import Flask, request

app = Flask(__name__)

@app.route("/api/profile")
def profile():
    data = {"name": request.args.get("name", ""), "active": True}
    return data
