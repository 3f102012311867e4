import xml.sax
from xml.sax.handler import feature_external_ges

from lxml import etree


def make_parser():
    # expect: py-lxml-resolve-entities
    return etree.XMLParser(resolve_entities=True)


def validating_parser():
    # expect: py-lxml-resolve-entities
    return etree.XMLParser(dtd_validation=True, no_network=False)


def sax_reader(handler):
    parser = xml.sax.make_parser()
    # expect: py-lxml-resolve-entities
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    return parser
