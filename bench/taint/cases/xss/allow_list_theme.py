# label: safe xss
from flask import Flask, request

app = Flask(__name__)
THEMES = {"light", "dark"}

@app.route("/theme")
def theme():
    choice = request.args.get("theme", "light")
    if choice not in THEMES:
        choice = "light"
    return "<body class='" + choice + "'></body>"
