import socket
import ssl

import urllib3


def insecure_socket(host):
    ctx = ssl.create_default_context()
    # expect: py-ssl-cert-none
    ctx.check_hostname = False
    # expect: py-ssl-cert-none
    ctx.verify_mode = ssl.CERT_NONE
    return ctx.wrap_socket(socket.create_connection((host, 443)))


def pool():
    # expect: py-ssl-cert-none
    return urllib3.PoolManager(cert_reqs="CERT_NONE")


def pinned_pool(ca_dir):
    # expect: py-ssl-cert-none
    return urllib3.PoolManager(cert_reqs=ssl.CERT_NONE, ca_cert_dir=ca_dir)
