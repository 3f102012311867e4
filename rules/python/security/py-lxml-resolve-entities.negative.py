from lxml import etree

SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def parse(data: bytes):
    return etree.fromstring(data, parser=SAFE_PARSER)
