def apply_discount(price, rate, bounds):
    assert 0 <= rate <= 1, "rate must be a fraction"
    assert (0 <= rate <= 1), "rate must be a fraction"
    assert bounds == (0, 1)
    return price * (1 - rate)
