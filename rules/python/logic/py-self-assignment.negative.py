import logging

logger = logging.getLogger(__name__)


class Invoice:
    logger = logger

    def __init__(self, number, customer, lines):
        self.number = number
        self.customer = customer
        self.lines = list(lines)
        self.lines[0] = self.lines[-1]


TimeoutError = TimeoutError
