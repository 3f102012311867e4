import random
import string

ALPHABET = string.ascii_letters + string.digits


def create_reset(user):
    # expect: py-weak-random-secret
    user.reset_token = "".join(random.choice(ALPHABET) for _ in range(32))
    return user


def send_otp(phone, sms):
    # expect: py-weak-random-secret
    otp = "%06d" % random.randint(0, 999999)
    sms.send(phone, otp)


def new_api_key():
    # expect: py-weak-random-secret
    return "".join(random.choices(ALPHABET, k=40))


def temporary_password():
    # expect: py-weak-random-secret
    password = str(random.getrandbits(64))
    return password


def session(data):
    # expect: py-weak-random-secret
    data["session_id"] = random.randint(10**9, 10**10)
    return data
