from Crypto.PublicKey import RSA
from cryptography.hazmat.primitives.asymmetric import dsa, ec, rsa


def legacy_keypair():
    # expect: py-weak-crypto-key
    key = RSA.generate(1024)
    return key.export_key(), key.publickey().export_key()


def signing_key():
    # expect: py-weak-crypto-key
    return rsa.generate_private_key(public_exponent=65537, key_size=1024)


def dsa_key():
    # expect: py-weak-crypto-key
    return dsa.generate_private_key(key_size=1024)


def small_curve():
    # expect: py-weak-crypto-key
    return ec.generate_private_key(ec.SECP192R1())
