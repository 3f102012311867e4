# label: vulnerable xss
from django.shortcuts import render
from django.utils.safestring import mark_safe

def profile(request):
    signature = request.POST.get("signature", "")
    return render(request, "profile.html", {"signature": mark_safe(signature)})
