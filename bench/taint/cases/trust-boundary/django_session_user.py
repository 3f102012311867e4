# label: vulnerable trust-boundary
from django.http import HttpResponse

def remember(request):
    user_id = request.GET.get("uid")
    request.session["user_id"] = user_id
    return HttpResponse("ok")
