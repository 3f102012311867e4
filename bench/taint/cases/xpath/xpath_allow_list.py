# label: safe xpath
from django.http import HttpResponse
from lxml import etree

CATALOG = etree.parse("/srv/catalog.xml")
FIELDS = {"price", "name", "stock"}

def field(request):
    name = request.GET.get("field", "name")
    if name not in FIELDS:
        name = "name"
    return HttpResponse(str(CATALOG.xpath("//product/" + name + "/text()")))
