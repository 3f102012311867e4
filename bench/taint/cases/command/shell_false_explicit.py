# label: safe command
import subprocess
from django.http import HttpResponse

def disk_usage(request):
    folder = request.GET.get("folder", "/tmp")
    return HttpResponse(subprocess.check_output(["du", "-sh", folder], shell=False))
