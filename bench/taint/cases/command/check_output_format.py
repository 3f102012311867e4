# label: vulnerable command
import subprocess
from django.http import HttpResponse

def disk_usage(request):
    folder = request.GET.get("folder", "/tmp")
    cmd = "du -sh {}".format(folder)
    return HttpResponse(subprocess.check_output(cmd, shell=True))
