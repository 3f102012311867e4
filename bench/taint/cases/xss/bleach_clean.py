# label: safe xss
import bleach
from django.http import HttpResponse

def comment(request):
    text = bleach.clean(request.POST.get("text", ""))
    return HttpResponse("<div class='comment'>" + text + "</div>")
