# label: safe path
from django.http import HttpResponse

REPORTS = {"daily", "weekly", "monthly"}

def report(request):
    kind = request.GET.get("kind", "daily")
    if kind not in REPORTS:
        kind = "daily"
    with open(f"/var/reports/{kind}.csv", "rb") as fh:
        return HttpResponse(fh.read(), content_type="text/csv")
