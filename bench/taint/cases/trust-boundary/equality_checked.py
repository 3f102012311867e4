# label: safe trust-boundary
from flask import Flask, request, session

app = Flask(__name__)

@app.route("/theme", methods=["POST"])
def theme():
    choice = request.form.get("theme")
    if choice == "dark":
        session["theme"] = choice
    return "ok"
