from typing import TYPE_CHECKING

DEBUG = False

if TYPE_CHECKING:
    from .gateway import Gateway


def charge(card, amount, gateway: "Gateway"):
    if DEBUG:
        gateway.dry_run = True
    if card.expired:
        raise ValueError("card expired")
    while True:
        if gateway.ready():
            break
    return gateway.charge(card, round(amount, 2))
