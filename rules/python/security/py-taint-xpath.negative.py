from flask import Flask, request
from lxml import etree

app = Flask(__name__)
doc = etree.parse("users.xml")


@app.route("/user")
def user():
    name = request.args.get("name", "")
    nodes = doc.xpath("//user[@name=$name]", name=name)
    return str(len(nodes))
