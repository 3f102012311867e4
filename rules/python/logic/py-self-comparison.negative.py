import math
import random


class Money:
    def __init__(self, amount, currency):
        self.amount = amount
        self.currency = currency

    def __eq__(self, other):
        return self.amount == other.amount and self.currency == other.currency

    def is_nan(self):
        return self.amount != self.amount or math.isnan(self.amount)


def coin_flips_agree():
    return random.random() == random.random()
