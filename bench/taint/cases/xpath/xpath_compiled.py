# label: vulnerable xpath
from django.http import HttpResponse
from lxml import etree

CATALOG = etree.parse("/srv/catalog.xml")

def product(request):
    sku = request.GET.get("sku", "")
    find = etree.XPath("//product[sku='%s']/price" % sku)
    return HttpResponse(str(find(CATALOG)))
