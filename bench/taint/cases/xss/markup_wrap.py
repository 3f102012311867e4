# label: vulnerable xss
from flask import Flask, render_template, request
from markupsafe import Markup

app = Flask(__name__)

@app.route("/bio")
def bio():
    text = request.args.get("bio", "")
    return render_template("bio.html", bio=Markup(text))
