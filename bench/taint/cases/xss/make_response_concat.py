# label: vulnerable xss
from flask import Flask, make_response, request

app = Flask(__name__)

@app.route("/greet")
def greet():
    who = request.cookies.get("who", "friend")
    resp = make_response("<div>Hi " + who + "</div>")
    resp.headers["X-Frame-Options"] = "DENY"
    return resp
