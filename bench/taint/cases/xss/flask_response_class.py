# label: vulnerable xss
from flask import Flask, Response, request

app = Flask(__name__)

@app.route("/badge")
def badge():
    label = request.args.get("label", "build")
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>' + label + "</text></svg>"
    return Response(svg, mimetype="image/svg+xml")
