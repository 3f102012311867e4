class PermissionDenied(Exception):
    pass


def delete_order(request, order):
    if not request.user.is_authenticated:
        raise PermissionDenied()
    order.delete()


def average(values):
    assert len(values) > 0, "need at least one value"
    return sum(values) / len(values)
