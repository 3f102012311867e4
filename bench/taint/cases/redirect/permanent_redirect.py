# label: vulnerable redirect
from django.http import HttpResponsePermanentRedirect

def moved(request):
    dest = request.GET["dest"]
    return HttpResponsePermanentRedirect(dest)
