import os

from Crypto.Cipher import AES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def encrypt(key: bytes, data: bytes) -> bytes:
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, data, None)


def ctr(key: bytes, nonce: bytes):
    return Cipher(algorithms.AES(key), modes.CTR(nonce)).encryptor()


def gcm(key: bytes):
    return AES.new(key, AES.MODE_GCM)


# DES.new(key) is obsolete
