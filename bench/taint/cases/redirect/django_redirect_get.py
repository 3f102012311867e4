# label: vulnerable redirect
from django.shortcuts import redirect

def logout_view(request):
    return redirect(request.GET.get("return_to", "/"))
