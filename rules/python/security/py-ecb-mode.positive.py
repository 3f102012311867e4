from Crypto.Cipher import AES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def encrypt_record(key: bytes, padded: bytes) -> bytes:
    # expect: py-ecb-mode
    cipher = AES.new(key, AES.MODE_ECB)
    return cipher.encrypt(padded)


def encryptor(key: bytes):
    # expect: py-ecb-mode
    return Cipher(algorithms.AES(key), modes.ECB()).encryptor()


def token_cipher(key: bytes):
    # expect: py-ecb-mode
    return AES.new(key, mode=AES.MODE_ECB)
