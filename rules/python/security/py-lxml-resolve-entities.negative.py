import xml.sax
from xml.sax.handler import feature_external_ges, feature_namespaces

from lxml import etree

SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def parse(data: bytes):
    return etree.fromstring(data, parser=SAFE_PARSER)


def sax_reader(handler):
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, False)
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(handler)
    return parser
