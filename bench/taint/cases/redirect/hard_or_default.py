# label: vulnerable redirect
from django.shortcuts import redirect

def finish(request):
    return redirect(request.POST.get("next") or "/dashboard")
