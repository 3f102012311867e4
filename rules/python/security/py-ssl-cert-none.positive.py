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


def wrap(sock):
    # expect: py-ssl-cert-none
    return ssl.wrap_socket(sock, cert_reqs=ssl.CERT_NONE)
