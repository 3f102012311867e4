import ssl

import urllib3


def secure_context(cafile):
    ctx = ssl.create_default_context(cafile=cafile)
    ctx.check_hostname = True
    ctx.verify_mode = ssl.CERT_REQUIRED
    return ctx


def pool():
    return urllib3.PoolManager(cert_reqs="CERT_REQUIRED")


# ctx.verify_mode = ssl.CERT_NONE would accept anything


def is_verifying(ctx):
    return ctx.verify_mode != ssl.CERT_NONE


def describe(mode):
    names = {ssl.CERT_NONE: "none", ssl.CERT_REQUIRED: "required"}
    return names[mode]
