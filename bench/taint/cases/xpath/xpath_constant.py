# label: safe xpath
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
doc = etree.parse("/srv/data/accounts.xml")

@app.route("/count")
def count():
    request.args.get("verbose")
    return str(len(doc.xpath("//account")))
