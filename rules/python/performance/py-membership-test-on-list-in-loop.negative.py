WEEKEND = {"sat", "sun", "sa", "so", "sam", "dim", "sab", "dom"}


def active_orders(orders, customers):
    known = set(customers.keys())
    result = [o for o in orders if o.customer_id in known]
    for order in result:
        if order.status in ("open", "paid"):
            order.touch()
    return result, "x" in list(customers)


def is_weekend_code(codes):
    return any(code in WEEKEND for code in codes)
