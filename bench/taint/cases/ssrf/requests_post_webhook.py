# label: vulnerable ssrf
import requests
from django.http import JsonResponse

def test_webhook(request):
    hook = request.POST.get("webhook_url")
    r = requests.post(hook, json={"ping": True}, timeout=3)
    return JsonResponse({"status": r.status_code})
