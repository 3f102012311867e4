class Money:
    def __init__(self, amount, currency):
        self.amount = amount
        self.currency = currency

    def __eq__(self, other):
        # expect: py-self-comparison
        return self.amount == self.amount and self.currency == other.currency

    def __lt__(self, other):
        # expect: py-self-comparison
        return other.amount < other.amount
