from lxml import etree


def make_parser():
    # expect: py-lxml-resolve-entities
    return etree.XMLParser(resolve_entities=True)


def validating_parser():
    # expect: py-lxml-resolve-entities
    return etree.XMLParser(dtd_validation=True, no_network=False)
