# label: vulnerable redirect
from django.http import HttpResponseRedirect

def save(request):
    target = request.POST["target"]
    return HttpResponseRedirect(target)
