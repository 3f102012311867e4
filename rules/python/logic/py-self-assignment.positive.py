class Invoice:
    def __init__(self, number, customer, lines):
        self.number = number
        # expect: py-self-assignment
        self.customer = self.customer
        # expect: py-self-assignment
        lines = lines
        self.lines = lines
