def summarize(orders):
    # expect: py-camelcase-variable-name
    totalCount = len(orders)
    # expect: py-camelcase-variable-name
    maxAmount: float = 0.0
    for order in orders:
        maxAmount += order.amount
    return totalCount, maxAmount
