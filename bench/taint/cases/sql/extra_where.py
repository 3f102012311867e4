# label: vulnerable sql
from django.http import JsonResponse
from blog.models import Post

def posts(request):
    tag = request.GET.get("tag", "")
    qs = Post.objects.extra(where=["tags LIKE '%%" + tag + "%%'"])
    return JsonResponse({"count": qs.count()})
