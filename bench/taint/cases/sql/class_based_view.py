# label: vulnerable sql
from django.db import connection
from django.http import JsonResponse
from django.views import View

class ReportView(View):
    def build_query(self, region):
        return "SELECT SUM(amount) FROM sales WHERE region = '%s'" % region

    def get(self, request):
        query = self.build_query(request.GET["region"])
        with connection.cursor() as cur:
            cur.execute(query)
            return JsonResponse({"total": cur.fetchone()[0]})
