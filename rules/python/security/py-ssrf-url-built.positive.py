import urllib.request

import httpx
import requests


def fetch_avatar(request):
    host = request.args.get("host")
    # expect: py-ssrf-url-built, py-taint-ssrf
    return requests.get(f"http://{host}/avatar.png", timeout=5).content


def webhook(target, payload):
    # expect: py-ssrf-url-built
    return requests.post("https://" + target + "/hook", json=payload, timeout=5)


def preview(url_param):
    # expect: py-ssrf-url-built
    with urllib.request.urlopen("%s/preview" % url_param, timeout=5) as resp:
        return resp.read()


async def proxy(client: httpx.AsyncClient, service, path):
    # expect: py-ssrf-url-built
    return await client.get("http://{}.internal/{}".format(service, path))
