import ssl
import urllib.request


def download(url):
    # expect: py-ssl-unverified-context
    ctx = ssl._create_unverified_context()
    with urllib.request.urlopen(url, context=ctx) as resp:
        return resp.read()


def fetch_mail_feed(url):
    # expect: py-ssl-unverified-context
    return urllib.request.urlopen(url, context=ssl._create_stdlib_context(), timeout=10)


# expect: py-ssl-unverified-context
ssl._create_default_https_context = ssl._create_unverified_context


def raw_client(sock):
    # expect: py-ssl-unverified-context
    return ssl.wrap_socket(sock)
