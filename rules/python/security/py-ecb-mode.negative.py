from Crypto.Cipher import AES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def encrypt_record(key: bytes, data: bytes):
    cipher = AES.new(key, AES.MODE_GCM)
    return cipher.nonce, cipher.encrypt_and_digest(data)


def encryptor(key: bytes, iv: bytes):
    return Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()


MODE_NAMES = {"ecb": "insecure", "gcm": "recommended"}
