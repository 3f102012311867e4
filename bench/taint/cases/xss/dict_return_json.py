# label: safe xss
from flask import Flask, request

app = Flask(__name__)

@app.route("/api/user")
def user():
    name = request.args.get("name", "")
    return {"name": name, "length": len(name)}
