import hashlib

from cryptography.hazmat.primitives import hashes


def hash_password(password: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)


def cache_key(url: str) -> str:
    return hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()


def etag(body: bytes) -> str:
    return hashlib.new("sha1", body, usedforsecurity=False).hexdigest()


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def modern():
    return hashes.Hash(hashes.SHA256())


def named(data):
    return hashlib.new("sha512", data).hexdigest()


# hashlib.md5(password) is weak
ALGORITHMS = ["md5", "sha1", "sha256"]
