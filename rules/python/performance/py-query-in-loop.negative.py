from shop.models import Customer, Order


def order_summaries(order_ids):
    orders = Order.objects.filter(pk__in=order_ids).select_related("customer")
    summaries = []
    for order in Order.objects.filter(pk__in=order_ids):
        summaries.append(order.pk)
    by_id = {o.pk: o for o in orders}
    return summaries, [by_id[i] for i in order_ids if i in by_id], Customer.objects.count()


def mark_shipped(cursor, ids):
    cursor.executemany(
        "UPDATE orders SET shipped = 1 WHERE id = %s", [(i,) for i in ids]
    )
    page = 0
    while True:
        rows = cursor.execute("SELECT id FROM orders LIMIT 100 OFFSET %s", (page * 100,))
        if not rows:
            break
        page += 1
