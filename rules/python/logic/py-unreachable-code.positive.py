import logging

logger = logging.getLogger(__name__)


def apply_refund(order, amount):
    if amount > order.total:
        raise ValueError("refund exceeds total")
        # expect: py-unreachable-code
        logger.warning("refund too large for %s", order.id)
    order.total -= amount
    return order.total
    # the audit entry is written here
    # expect: py-unreachable-code
    order.audit.append(("refund", amount))


def first_open(tickets):
    for ticket in tickets:
        if ticket.closed:
            continue
            # expect: py-unreachable-code
            ticket.reopen()
        return ticket
    return None
