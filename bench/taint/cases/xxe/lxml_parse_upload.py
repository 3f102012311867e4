# label: vulnerable xxe
from flask import Flask, request
from lxml import etree

app = Flask(__name__)

@app.route("/svg", methods=["POST"])
def svg():
    tree = etree.parse(request.files["image"])
    return tree.getroot().get("width", "")
