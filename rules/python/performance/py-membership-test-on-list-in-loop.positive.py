def active_orders(orders, customers):
    result = []
    for order in orders:
        # expect: py-membership-test-on-list-in-loop
        if order.customer_id in list(customers.keys()):
            result.append(order)
    return [
        o
        for o in result
        # expect: py-membership-test-on-list-in-loop
        if o.status not in [s.code for s in customers.values()]
    ]


def is_weekend_code(codes):
    for code in codes:
        # expect: py-membership-test-on-list-in-loop
        if code in ["sat", "sun", "sa", "so", "sam", "dim", "sab", "dom"]:
            return True
    return False
