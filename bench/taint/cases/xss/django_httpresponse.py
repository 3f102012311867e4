# label: vulnerable xss
from django.http import HttpResponse

def echo(request):
    message = request.GET.get("m", "")
    return HttpResponse("<p>You said: " + message + "</p>")
