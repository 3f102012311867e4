# label: vulnerable xxe
from flask import Flask, request
from lxml import etree

app = Flask(__name__)

def parse_invoice(raw):
    return etree.XML(raw, etree.XMLParser(load_dtd=True))

@app.route("/invoice", methods=["POST"])
def invoice():
    return parse_invoice(request.get_data()).tag
