# label: vulnerable path
from django.http import HttpResponse

def report(request):
    year = request.GET.get("year")
    with open(f"/var/reports/{year}.csv", "rb") as fh:
        return HttpResponse(fh.read(), content_type="text/csv")
