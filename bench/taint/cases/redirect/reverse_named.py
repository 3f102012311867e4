# label: safe redirect
from django.http import HttpResponseRedirect
from django.urls import reverse

def created(request):
    slug = request.POST.get("slug", "")
    return HttpResponseRedirect(reverse("article-detail", args=[slug]))
