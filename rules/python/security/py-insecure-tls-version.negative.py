import ssl


def client():
    ctx = ssl.create_default_context()
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


def server(cert, key):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    return ctx


# ssl.PROTOCOL_TLSv1 is deprecated
DISABLED = ["SSLv3", "TLSv1", "TLSv1.1"]


def too_old(version):
    return version in (ssl.TLSVersion.SSLv3, ssl.TLSVersion.TLSv1)


LEGACY_NAMES = {ssl.PROTOCOL_TLS_CLIENT: "tls-client"}
