import ssl
import urllib.request


def download(url):
    ctx = ssl.create_default_context()
    with urllib.request.urlopen(url, context=ctx) as resp:
        return resp.read()


def private_ca(url, cafile):
    ctx = ssl.create_default_context(cafile=cafile)
    return urllib.request.urlopen(url, context=ctx)


# ssl._create_unverified_context() disables checks


def server(sock, cert, key):
    return ssl.wrap_socket(sock, keyfile=key, certfile=cert, server_side=True)
