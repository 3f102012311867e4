# label: vulnerable xss
from flask import Flask

app = Flask(__name__)

@app.route("/user/<username>")
def user_page(username):
    return "<h1>Profile of " + username + "</h1>"
