# label: safe xss
from django.http import HttpResponse

def echo(request):
    message = request.GET.get("m", "")
    return HttpResponse("You said: " + message, content_type="text/plain")
