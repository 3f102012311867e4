# label: vulnerable path
from django.http import FileResponse
from django.views import View

class ExportView(View):
    root = "/srv/exports/"

    def get(self, request):
        name = request.GET.get("file")
        return FileResponse(open(self.root + name, "rb"))
