def apply_discount(price, rate):
    # expect: py-assert-on-tuple
    assert (0 <= rate <= 1, "rate must be a fraction")
    return price * (1 - rate)
