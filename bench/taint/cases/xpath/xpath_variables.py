# label: safe xpath
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
tree = etree.parse("/srv/data/users.xml")

@app.route("/user")
def user():
    name = request.args.get("name", "")
    found = tree.xpath("//user[@name=$name]/email/text()", name=name)
    return ",".join(found)
