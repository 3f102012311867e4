# label: vulnerable path
import zipfile
from django.http import JsonResponse

def contents(request):
    archive = request.GET["archive"]
    with zipfile.ZipFile("/srv/archives/" + archive) as zf:
        return JsonResponse({"names": zf.namelist()})
