# label: safe xpath
from django.http import HttpResponse
from lxml import etree

CATALOG = etree.parse("/srv/catalog.xml")
FIND_PRICE = etree.XPath("//product[sku=$sku]/price")

def product(request):
    return HttpResponse(str(FIND_PRICE(CATALOG, sku=request.GET.get("sku", ""))))
