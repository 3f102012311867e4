import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]

DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"

ALLOWED_HOSTS = ["shop.example.com"]

INSTALLED_APPS = ["django.contrib.admin", "shop"]


def local_overrides(settings):
    debug = True
    settings.DEBUG = debug
    return settings
