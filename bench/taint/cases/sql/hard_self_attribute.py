# label: vulnerable sql
from django.db import connection
from django.http import JsonResponse
from django.views import View

class SearchView(View):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.term = request.GET.get("q", "")

    def get(self, request):
        with connection.cursor() as cur:
            cur.execute("SELECT id FROM articles WHERE title LIKE '%%" + self.term + "%%'")
            return JsonResponse({"ids": [r[0] for r in cur.fetchall()]})
