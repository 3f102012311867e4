import requests


def exchange_rate(currency):
    # expect: py-requests-no-timeout
    resp = requests.get("https://rates.example.com/latest", params={"base": currency})
    return resp.json()["rate"]


def notify(webhook_url, event):
    # expect: py-requests-no-timeout
    requests.post(webhook_url, json=event)


def call_api(method, url, token):
    # expect: py-requests-no-timeout
    return requests.request(method, url, headers={"Authorization": f"Bearer {token}"})
