def charge(card, amount, gateway):
    # expect: py-constant-condition
    if True:
        amount = round(amount, 2)
    # expect: py-constant-condition
    if 0:
        gateway.dry_run = True
    elif card.expired:
        raise ValueError("card expired")
    # expect: py-constant-condition
    elif "retry":
        gateway.retries = 3
    return gateway.charge(card, amount)
