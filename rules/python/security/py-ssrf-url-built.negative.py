from urllib.parse import quote

import requests

API = "https://api.example.com"


def fetch_status():
    return requests.get("https://status.example.com/health", timeout=5)


def fetch(url):
    return requests.get(url, timeout=5)


def user(session, params):
    return session.get(API, params=params, timeout=5)


def lookup(request):
    return request.GET.get("next")


def config(settings):
    return settings.get("url" + "_base")


def built_elsewhere(client, builder):
    return client.get(builder.url_for("health"), timeout=5)
