# label: vulnerable xxe
from django.http import HttpResponse
from lxml import etree

def import_feed(request):
    root = etree.fromstring(request.body)
    return HttpResponse(str(len(root)))
