# label: safe xss
from django.shortcuts import render

def profile(request):
    signature = request.POST.get("signature", "")
    return render(request, "profile.html", {"signature": signature})
