# label: safe redirect
from django.http import HttpResponseRedirect

ALLOWED = ("/", "/account", "/orders")

def save(request):
    target = request.POST.get("target", "/")
    if target in ALLOWED:
        return HttpResponseRedirect(target)
    return HttpResponseRedirect("/")
