# label: safe xxe
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)

@app.route("/upload", methods=["POST"])
def upload():
    return etree.fromstring(request.data, SAFE_PARSER).tag
