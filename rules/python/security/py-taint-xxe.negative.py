import xml.etree.ElementTree as ET

from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.route("/import", methods=["POST"])
def import_doc():
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    # expect: py-xml-unsafe-parser
    root = etree.fromstring(request.data, parser)
    return root.tag


@app.route("/import2", methods=["POST"])
def import_std():
    # expect: py-xml-unsafe-parser
    return ET.fromstring(request.data).tag
