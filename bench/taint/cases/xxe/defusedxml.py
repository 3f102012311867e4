# label: safe xxe
from defusedxml import ElementTree
from django.http import HttpResponse

def import_feed(request):
    root = ElementTree.fromstring(request.body)
    return HttpResponse(str(len(root)))
