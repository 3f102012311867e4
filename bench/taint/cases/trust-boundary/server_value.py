# label: safe trust-boundary
from django.http import HttpResponse
from accounts.models import User

def login_done(request):
    request.GET.get("next")
    user = User.objects.get(pk=1)
    request.session["user_id"] = user.pk
    return HttpResponse("ok")
