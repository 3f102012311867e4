import jsonpickle


def restore_cart(request):
    # expect: py-jsonpickle-decode, py-taint-deserialization
    return jsonpickle.decode(request.cookies.get("cart", "[]"))


def restore(payload):
    # expect: py-jsonpickle-decode
    return jsonpickle.Unpickler().restore(payload)


def from_queue(message):
    # expect: py-jsonpickle-decode
    return jsonpickle.loads(message.body)
