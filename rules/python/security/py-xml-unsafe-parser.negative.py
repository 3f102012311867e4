import xml.etree.ElementTree as ET

import defusedxml.ElementTree as DET


def import_feed(request):
    root = DET.fromstring(request.data)
    return [item.findtext("title") for item in root.iter("item")]


def default_config():
    return ET.fromstring("<config><debug>false</debug></config>")


def build(items):
    root = ET.Element("items")
    for it in items:
        ET.SubElement(root, "item").text = it
    return ET.tostring(root)
