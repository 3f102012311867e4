# label: safe xss
from django.http import HttpResponse
from django.utils.html import format_html

def badge(request):
    label = request.GET.get("label", "")
    return HttpResponse(format_html("<span class='badge'>{}</span>", label))
