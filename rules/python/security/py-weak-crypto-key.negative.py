from Crypto.PublicKey import RSA
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa


def keypair():
    key = RSA.generate(3072)
    return key.export_key(), key.publickey().export_key()


def signing_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def curve_key():
    return ec.generate_private_key(ec.SECP256R1())


def modern():
    return ed25519.Ed25519PrivateKey.generate()
