import json

import jsonpickle


def save_cart(cart):
    return jsonpickle.encode(cart, unpicklable=False)


def restore_cart(request):
    return json.loads(request.cookies.get("cart", "[]"))
