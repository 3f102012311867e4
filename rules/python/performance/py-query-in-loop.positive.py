from shop.models import Customer, Order


def order_summaries(order_ids):
    summaries = []
    for order_id in order_ids:
        # expect: py-query-in-loop
        order = Order.objects.get(pk=order_id)
        # expect: py-query-in-loop
        count = Customer.objects.filter(referrer=order.customer_id).count()
        summaries.append((order.pk, count))
    return summaries


def mark_shipped(db, ids):
    for order_id in ids:
        # expect: py-query-in-loop
        db.session.execute(
            "UPDATE orders SET shipped = 1 WHERE id = :id", {"id": order_id}
        )
    # expect: py-query-in-loop
    return {i: db.session.get(Order, i) for i in ids}
