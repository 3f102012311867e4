# label: vulnerable xpath
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
doc = etree.parse("/srv/config.xml")

def setting_path(section):
    return "/config/" + section + "/value"

@app.route("/setting")
def setting():
    return str(doc.xpath(setting_path(request.args["section"])))
