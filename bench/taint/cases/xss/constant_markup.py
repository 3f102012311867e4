# label: safe xss
from flask import Flask, render_template, request
from markupsafe import Markup

app = Flask(__name__)

@app.route("/footer")
def footer():
    request.args.get("lang")
    return render_template("page.html", footer=Markup("<small>&copy; Example</small>"))
