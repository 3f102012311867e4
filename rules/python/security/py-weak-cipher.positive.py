from Crypto.Cipher import ARC4, DES, Blowfish
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def encrypt_legacy(key: bytes, iv: bytes, data: bytes) -> bytes:
    # expect: py-weak-cipher
    cipher = DES.new(key, DES.MODE_CBC, iv)
    return cipher.encrypt(data)


def stream(key: bytes, data: bytes) -> bytes:
    # expect: py-weak-cipher
    return ARC4.new(key).encrypt(data)


def blowfish(key, iv, data):
    # expect: py-weak-cipher
    return Blowfish.new(key, Blowfish.MODE_CBC, iv).encrypt(data)


def triple(key: bytes, iv: bytes):
    # expect: py-weak-cipher
    return Cipher(algorithms.TripleDES(key), modes.CBC(iv)).encryptor()
