# label: vulnerable xss
from string import Template
from flask import Flask, request

app = Flask(__name__)
PAGE = Template("<html><body><h1>$title</h1></body></html>")

@app.route("/page")
def page():
    return PAGE.substitute(title=request.args.get("title", ""))
