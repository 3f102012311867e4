import logging

logger = logging.getLogger(__name__)


def settle(order, debugger):
    total = sum(line.amount for line in order.lines)
    logger.debug("order total %s", total)
    # breakpoint() was here while investigating the rounding issue
    debugger.breakpoint(order.id)
    label = "pdb.set_trace()"
    return total, label
