# label: safe xss
from flask import Flask, request
from markupsafe import escape

app = Flask(__name__)

@app.route("/hello")
def hello():
    name = request.args.get("name", "guest")
    return "<h1>Welcome, %s</h1>" % escape(name)
