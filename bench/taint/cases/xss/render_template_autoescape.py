# label: safe xss
from flask import Flask, render_template, request

app = Flask(__name__)

@app.route("/greet")
def greet():
    who = request.cookies.get("who", "friend")
    return render_template("greet.html", who=who)
