# label: vulnerable trust-boundary
from django.http import HttpResponse

def sso(request):
    email = request.META.get("HTTP_X_EMAIL", "")
    request.session["email"] = email
    return HttpResponse("welcome")
