# label: safe xpath
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
doc = etree.parse("/srv/items.xml")

@app.route("/item")
def item():
    pos = int(request.args.get("pos", "1"))
    return str(doc.xpath("//item[%d]/title/text()" % pos))
