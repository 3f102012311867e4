import requests


def fetch_invoice(url, token):
    resp = requests.get(url, headers={"Authorization": token}, timeout=10)
    return resp.json()


def internal(url):
    return requests.get(url, verify="/etc/ssl/certs/internal-ca.pem", timeout=10)


def strict(url):
    return requests.get(url, verify=True, timeout=10)


def session():
    s = requests.Session()
    s.verify = "/etc/ssl/certs/internal-ca.pem"
    return s


# requests.get(url, verify=False) must not be used


def cache(redis):
    return redis.Redis(host="cache.internal", ssl=False)
