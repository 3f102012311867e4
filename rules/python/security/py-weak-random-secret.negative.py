import random
import secrets
import string

ALPHABET = string.ascii_letters + string.digits


def create_reset(user):
    user.reset_token = secrets.token_urlsafe(32)
    return user


def send_otp(phone, sms):
    otp = f"{secrets.randbelow(10**6):06d}"
    sms.send(phone, otp)


def new_api_key():
    rng = random.SystemRandom()
    return "".join(rng.choice(ALPHABET) for _ in range(40))


def shuffle_deck(cards):
    sample = random.sample(cards, k=5)
    return sample


def jitter():
    delay = random.uniform(0.1, 0.5)
    return delay


def pick_color():
    monkey = random.choice(["red", "green"])
    return monkey
