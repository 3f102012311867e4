def delete_order(request, order):
    # expect: py-assert-access-control
    assert request.user.is_authenticated
    # expect: py-assert-access-control
    assert order.owner_id == request.user.id or request.user.is_staff, "forbidden"
    order.delete()


def admin_panel(user):
    # expect: py-assert-access-control
    assert user.has_perm("reports.view")
    return "panel"
