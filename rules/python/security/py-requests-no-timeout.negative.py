import requests


def exchange_rate(currency):
    resp = requests.get("https://rates.example.com/latest", params={"base": currency}, timeout=10)
    return resp.json()["rate"]


def notify(webhook_url, event, **kwargs):
    requests.post(webhook_url, json=event, **kwargs)


def cached(session, url):
    return session.get(url)
