# label: vulnerable command
import subprocess
from django.http import JsonResponse
from django.views import View

class ArchiveView(View):
    def command(self, name):
        return "zip -r /tmp/" + name + ".zip /srv/media"

    def post(self, request):
        subprocess.check_call(self.command(request.POST["name"]), shell=True)
        return JsonResponse({"ok": True})
