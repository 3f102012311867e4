import socket
import ssl

from OpenSSL import SSL


def legacy_client(host):
    # expect: py-insecure-tls-version
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
    return ctx.wrap_socket(socket.create_connection((host, 443)), server_hostname=host)


def allow_old(ctx: ssl.SSLContext):
    # expect: py-insecure-tls-version
    ctx.minimum_version = ssl.TLSVersion.TLSv1


def openssl_context():
    # expect: py-insecure-tls-version
    return SSL.Context(SSL.SSLv3_METHOD)
