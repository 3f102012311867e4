# label: safe sql
from django.http import JsonResponse
from shop.models import Product

def by_category(request):
    category = request.GET.get("category", "")
    products = Product.objects.raw("SELECT * FROM shop_product WHERE category = %s", [category])
    return JsonResponse({"ids": [p.id for p in products]})
