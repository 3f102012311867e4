import xml.etree.ElementTree as ET
from xml.dom import minidom

from lxml import etree


def import_feed(request):
    # expect: py-xml-unsafe-parser
    root = ET.fromstring(request.data)
    return [item.findtext("title") for item in root.iter("item")]


def read_svg(upload):
    # expect: py-xml-unsafe-parser
    doc = minidom.parseString(upload.read())
    return doc.documentElement.getAttribute("width")


def parse_invoice(path):
    # expect: py-xml-unsafe-parser
    tree = etree.parse(path)
    return tree.getroot()


def parse_sax(xml, stream, handler):
    # expect: py-xml-unsafe-parser
    xml.sax.parseString(stream.read(), handler)
