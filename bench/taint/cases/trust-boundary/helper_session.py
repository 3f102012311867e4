# label: vulnerable trust-boundary
from flask import Flask, request, session

app = Flask(__name__)

def remember_tenant(value):
    session["tenant"] = value

@app.route("/tenant", methods=["POST"])
def tenant():
    remember_tenant(request.form["tenant"])
    return "ok"
