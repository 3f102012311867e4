import aiohttp
import httpx
import requests


def fetch_invoice(url, token):
    # expect: py-tls-verify-disabled
    resp = requests.get(url, headers={"Authorization": token}, verify=False, timeout=10)
    return resp.json()


def post_event(url, payload):
    # expect: py-tls-verify-disabled
    return requests.post(url, json=payload, timeout=5, verify=False)


def client():
    # expect: py-tls-verify-disabled
    return httpx.Client(base_url="https://internal.example", verify=False)


def session():
    s = requests.Session()
    # expect: py-tls-verify-disabled
    s.verify = False
    return s


def search(Elasticsearch, hosts):
    # expect: py-tls-verify-disabled
    return Elasticsearch(hosts, verify_certs=False)


async def fetch_status(url):
    # expect: py-tls-verify-disabled
    connector = aiohttp.TCPConnector(ssl=False)
    async with aiohttp.ClientSession(connector=connector) as session:
        async with session.get(url) as resp:
            return await resp.text()
