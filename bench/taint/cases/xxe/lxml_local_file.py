# label: safe xxe
from flask import Flask, request
from lxml import etree

app = Flask(__name__)

@app.route("/config")
def config():
    key = request.args.get("key", "name")
    doc = etree.parse("/etc/app/config.xml")
    return doc.findtext(key) or ""
