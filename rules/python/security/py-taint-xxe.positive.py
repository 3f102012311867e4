from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.route("/import", methods=["POST"])
def import_doc():
    # expect: py-lxml-resolve-entities
    parser = etree.XMLParser(resolve_entities=True)
    # expect: py-taint-xxe, py-xml-unsafe-parser
    root = etree.fromstring(request.data, parser)
    return root.tag
