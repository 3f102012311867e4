# label: safe ssrf
import requests
from django.http import HttpResponse

def repo(request):
    owner = request.GET.get("owner", "")
    name = request.GET.get("name", "")
    url = "https://api.github.com/repos/{}/{}".format(owner, name)
    return HttpResponse(requests.get(url, timeout=5).text, content_type="application/json")
