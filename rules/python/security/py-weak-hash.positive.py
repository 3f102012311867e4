import hashlib
from hashlib import sha1

from Crypto.Hash import MD5
from cryptography.hazmat.primitives import hashes


def hash_password(password: str) -> str:
    # expect: py-weak-hash
    return hashlib.md5(password.encode()).hexdigest()


def sign(secret: bytes, body: bytes) -> str:
    # expect: py-weak-hash
    return hashlib.sha1(secret + body).hexdigest()


def reset_token(email):
    # expect: py-weak-hash
    return hashlib.new("md5", email.encode()).hexdigest()


def fingerprint(data):
    # expect: py-weak-hash
    return sha1(data).hexdigest()


def legacy_digest(data):
    # expect: py-weak-hash
    h = MD5.new()
    h.update(data)
    return h.digest()


def cert_digest():
    # expect: py-weak-hash
    return hashes.Hash(hashes.SHA1())
