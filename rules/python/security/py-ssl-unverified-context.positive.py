import ssl
import urllib.request


def download(url):
    # expect: py-ssl-unverified-context
    ctx = ssl._create_unverified_context()
    with urllib.request.urlopen(url, context=ctx) as resp:
        return resp.read()


# expect: py-ssl-unverified-context
ssl._create_default_https_context = ssl._create_unverified_context
