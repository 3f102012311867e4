import json

defaultTimeout = 30


class Settings:
    retryCount = 3


def summarize(orders, client):
    total_count = 0
    MAX_ROWS = 500
    HTTPClient = client.transport
    client.requestCount = 0
    payload = json.dumps({"orderCount": len(orders)}, sort_keys=True)
    for order in orders[:MAX_ROWS]:
        total_count += 1
    return total_count, HTTPClient, payload
